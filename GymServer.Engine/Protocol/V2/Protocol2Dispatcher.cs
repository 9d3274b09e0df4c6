using System.Buffers;
using GymServer.Engine.Environments;
using GymServer.Engine.Sessions;

namespace GymServer.Engine.Protocol.V2;

/// <summary>
/// Runs protocol-2 request lines against a <see cref="Session"/>: several envs addressed by instance id, and exactly
/// one reply per request (its result, <c>{"ok":true}</c>, or an error). One instance per connection, after the
/// handshake. Replies are never compressed.
/// </summary>
public sealed partial class Protocol2Dispatcher(Session session, IRequestObserver observer)
{
    private readonly ReplyWriter _replies = new();

    public Session Session { get; } = session;

    /// <summary>Handles one request line (without its terminator), writing its one reply to <paramref name="output"/>.</summary>
    public async ValueTask DispatchAsync(ReadOnlySequence<byte> line, ReplyBuffer output, CancellationToken cancellationToken)
    {
        var start = output.WrittenCount;
        Protocol2Request? request = null;
        try
        {
            request = Protocol2Parser.Parse(line);
            await RunAsync(request, output, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Whatever part of a reply was written before the failure must not reach the client.
            output.Truncate(start);
            if (error is not EnvException envError)
            {
                observer.OnUnexpectedError(request?.Command.ToString() ?? "request", error);
                envError = new EnvException(EnvErrorCodes.EnvError, error.Message);
            }
            WriteError(output, envError.Code, envError.Message);
        }
        finally
        {
            request?.Dispose();
        }
    }

    /// <summary>Writes an error reply (also for a line the framing refused).</summary>
    public void WriteError(ReplyBuffer output, string code, string message)
    {
        observer.OnErrorReplied(code);
        _replies.WriteError(output, code, message);
    }

    private ValueTask RunAsync(Protocol2Request request, ReplyBuffer output, CancellationToken cancellationToken) =>
        request.Command switch
        {
            Protocol2Command.Server => Server(ServerRequest.Read(request.Arguments), output),
            Protocol2Command.Make => MakeAsync(MakeRequest.Read(request.Arguments), output, cancellationToken),
            Protocol2Command.Reset => ResetAsync(ResetRequest.Read(request.Arguments), output, cancellationToken),
            Protocol2Command.Step => StepAsync(StepRequest.Read(request.Arguments), output, cancellationToken),
            Protocol2Command.Close => CloseAsync(CloseRequest.Read(request.Arguments), output),
            Protocol2Command.Sample => Sample(SampleRequest.Read(request.Arguments), output),
            Protocol2Command.ListEnvs => ListEnvsAsync(ListEnvsRequest.Read(request.Arguments), output, cancellationToken),
            Protocol2Command.MakeVec => MakeVecAsync(MakeVecRequest.Read(request.Arguments), output, cancellationToken),
            Protocol2Command.ResetVec => ResetVecAsync(ResetRequest.Read(request.Arguments, Protocol2Names.ResetVec), output, cancellationToken),
            Protocol2Command.StepVec => StepVecAsync(StepVecRequest.Read(request.Arguments), output, cancellationToken),
            Protocol2Command.Record => RecordAsync(RecordRequest.Read(request.Arguments), output, cancellationToken),
            _ => throw new InvalidOperationException($"unhandled command {request.Command}"),
        };
}

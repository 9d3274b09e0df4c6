using GymServer.Engine.Sessions;
using GymServer.Protocol;
using GymServer.Protocol.Framing;
using GymServer.Protocol.V2;

namespace GymServer.Web.Tcp.States;

/// <summary>
/// Protocol 2 in JSON lines, after the handshake: several envs addressed by instance id, and exactly one reply per
/// request (its result, <c>{"ok":true}</c>, or an error). JSON replies are never compressed. <c>{"server":{"protocol":2,
/// "encoding":"binary"}}</c> moves the connection to <see cref="Protocol2BinaryState"/>.
/// </summary>
public partial class Protocol2JsonState(ConnectionScope scope) : ConnectionState(scope)
{
    /// <summary>The encoding this state speaks.</summary>
    public virtual WireEncoding Encoding => WireEncoding.Json;

    protected Session Session => Scope.Session;

    private ReplyWriter Replies => Scope.Replies;

    /// <summary>The protocol-2 state for <paramref name="encoding"/>.</summary>
    public static Protocol2JsonState For(ConnectionScope scope, WireEncoding encoding) =>
        encoding == WireEncoding.Binary ? new Protocol2BinaryState(scope) : new Protocol2JsonState(scope);

    public override ValueTask<ConnectionState> RunAsync(TcpRequest request, ReplyBuffer output)
    {
        if (request.Framing != RequestFraming.Line)
        {
            WriteError(output, ProtocolErrorCodes.LineTooLong, Scope.LineTooLongMessage);
            return new ValueTask<ConnectionState>(this);
        }
        return DispatchAsync(request, output);
    }

    /// <summary>Handles one request line, writing its one reply to <paramref name="output"/>.</summary>
    private async ValueTask<ConnectionState> DispatchAsync(TcpRequest line, ReplyBuffer output)
    {
        var start = output.WrittenCount;
        Protocol2Request? request = null;
        try
        {
            request = Protocol2Parser.Parse(line.Bytes);
            return await RunAsync(request, output).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Whatever part of a reply was written before the failure must not reach the client.
            output.Truncate(start);
            if (error is not WireException wireError)
            {
                Scope.Observer.OnUnexpectedError(request?.Command.ToString() ?? "request", error);
                wireError = new WireException(EnvErrorCodes.EnvError, error.Message);
            }
            WriteError(output, wireError.Code, wireError.Message);
            return this;
        }
        finally
        {
            request?.Dispose();
        }
    }

    /// <summary>Writes an error reply (also for a line the framing refused).</summary>
    protected void WriteError(ReplyBuffer output, string code, string message)
    {
        Scope.Observer.OnErrorReplied(code);
        Replies.WriteError(output, code, message);
    }

    private async ValueTask<ConnectionState> RunAsync(Protocol2Request request, ReplyBuffer output)
    {
        var cancellationToken = Scope.Aborted;
        switch (request.Command)
        {
            case Protocol2Command.Server:
                return Server(ServerRequest.Read(request.Arguments), output);
            case Protocol2Command.Make:
                await MakeAsync(MakeRequest.Read(request.Arguments), output, cancellationToken).ConfigureAwait(false);
                break;
            case Protocol2Command.Reset:
                await ResetAsync(ResetRequest.Read(request.Arguments), output, cancellationToken).ConfigureAwait(false);
                break;
            case Protocol2Command.Step:
                await StepAsync(StepRequest.Read(request.Arguments), output, cancellationToken).ConfigureAwait(false);
                break;
            case Protocol2Command.Close:
                await CloseAsync(CloseRequest.Read(request.Arguments), output).ConfigureAwait(false);
                break;
            case Protocol2Command.Sample:
                Sample(SampleRequest.Read(request.Arguments), output);
                break;
            case Protocol2Command.ListEnvs:
                await ListEnvsAsync(ListEnvsRequest.Read(request.Arguments), output, cancellationToken).ConfigureAwait(false);
                break;
            case Protocol2Command.MakeVec:
                await MakeVecAsync(MakeVecRequest.Read(request.Arguments), output, cancellationToken).ConfigureAwait(false);
                break;
            case Protocol2Command.ResetVec:
                await ResetVecAsync(ResetRequest.Read(request.Arguments, Protocol2Names.ResetVec), output, cancellationToken).ConfigureAwait(false);
                break;
            case Protocol2Command.StepVec:
                await StepVecAsync(StepVecRequest.Read(request.Arguments), output, cancellationToken).ConfigureAwait(false);
                break;
            case Protocol2Command.Record:
                await RecordAsync(RecordRequest.Read(request.Arguments), output, cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new InvalidOperationException($"unhandled command {request.Command}");
        }
        return this;
    }

    /// <summary>The open env with this instance id, or unknown_instance.</summary>
    protected SessionEnv Require(string instanceId) =>
        Session.Find(instanceId) ?? throw new ProtocolException(ProtocolErrorCodes.UnknownInstance, Session.FindVector(instanceId) is not null
            ? $"'{instanceId}' is a vector env: use reset_vec and step_vec"
            : $"no open env with instance id '{instanceId}' on this connection");

    /// <summary>The open vector env with this instance id, or unknown_instance.</summary>
    protected VectorEnv RequireVector(string instanceId) =>
        Session.FindVector(instanceId) ?? throw new ProtocolException(ProtocolErrorCodes.UnknownInstance, Session.Find(instanceId) is not null
            ? $"'{instanceId}' is a single env, not a vector env: use reset and step"
            : $"no open vector env with instance id '{instanceId}' on this connection");
}

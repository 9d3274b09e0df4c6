using System.Buffers;
using GymServer.Engine.Environments;
using GymServer.Engine.Sessions;

namespace GymServer.Engine.Protocol;

/// <summary>
/// Runs protocol-1 request lines against a <see cref="Session"/> and writes their replies. One instance per
/// connection. A line that expects a reply always gets exactly one (the result or an error); a line that does not
/// never gets one, and if it fails its error is the reply to the next line that expects one, which is then not run.
/// </summary>
/// <remarks>
/// Commands run synchronously when the env completes synchronously (native envs): no async state machine, no
/// allocation on a step. Only an env that really waits (a Python worker) takes the awaiting path.
/// </remarks>
public sealed partial class RequestDispatcher(Session session, IRequestObserver observer)
{
    private readonly RequestParser _parser = new();
    private readonly ReplyWriter _replies = new();

    public Session Session { get; } = session;

    /// <summary>The protocol the client chose with the handshake: 1 until it asks for another.</summary>
    public int ProtocolVersion { get; private set; } = 1;

    /// <summary>The encoding the handshake chose for protocol 2.</summary>
    public WireEncoding Encoding { get; private set; }

    /// <summary>The zlib level replies are compressed at (0: off).</summary>
    public int CompressionLevel => _replies.CompressionLevel;

    /// <summary>
    /// Handles one request line (without its terminator). Returns whether a reply was written to
    /// <paramref name="output"/>.
    /// </summary>
    public ValueTask<bool> DispatchAsync(ReadOnlySequence<byte> line, ReplyBuffer output, CancellationToken cancellationToken)
    {
        GymRequest request;
        try
        {
            request = _parser.Parse(line);
        }
        catch (ProtocolException error) when (error.Kind is RequestKind kind && !RequestKinds.HasReply(kind))
        {
            Defer(kind, error);
            return new ValueTask<bool>(false);
        }
        catch (ProtocolException error)
        {
            WriteError(output, error.Code, error.Message);
            return new ValueTask<bool>(true);
        }

        if (!request.HasReply)
        {
            try
            {
                var run = RunWithoutReply(request);
                if (!run.IsCompletedSuccessfully)
                {
                    return AwaitWithoutReplyAsync(run, request.Kind);
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                FailWithoutReply(request.Kind, error);
            }
            return new ValueTask<bool>(false);
        }

        if (Session.TryTakePendingError(out var pending))
        {
            ReplyError(output, pending.Code, pending.Message);
            return new ValueTask<bool>(true);
        }
        var start = output.WrittenCount;
        try
        {
            var run = RunWithReply(request, output, cancellationToken);
            if (!run.IsCompletedSuccessfully)
            {
                return AwaitWithReplyAsync(run, request.Kind, output, start);
            }
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            FailWithReply(request.Kind, error, output, start);
        }
        return new ValueTask<bool>(true);
    }

    /// <summary>
    /// Writes an error reply for a line the framing refused (too long): a pending error, if any, takes its place,
    /// as for any line that gets a reply.
    /// </summary>
    public void WriteError(ReplyBuffer output, string code, string message)
    {
        if (Session.TryTakePendingError(out var pending))
        {
            ReplyError(output, pending.Code, pending.Message);
            return;
        }
        ReplyError(output, code, message);
    }

    /// <summary>Writes an error that is not the reply to a line: the notice sent before the server closes the connection.</summary>
    public void WriteNotice(ReplyBuffer output, string code, string message) => _replies.WriteError(output, code, message);

    private async ValueTask<bool> AwaitWithoutReplyAsync(ValueTask run, RequestKind kind)
    {
        try
        {
            await run.ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            FailWithoutReply(kind, error);
        }
        return false;
    }

    private async ValueTask<bool> AwaitWithReplyAsync(ValueTask run, RequestKind kind, ReplyBuffer output, int start)
    {
        try
        {
            await run.ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            FailWithReply(kind, error, output, start);
        }
        return true;
    }

    private void FailWithoutReply(RequestKind kind, Exception error)
    {
        if (error is not EnvException envError)
        {
            observer.OnUnexpectedError(kind, error);
            envError = new EnvException(EnvErrorCodes.EnvError, error.Message);
        }
        observer.OnDeferredError(kind, envError);
        Session.Defer(envError);
    }

    private void FailWithReply(RequestKind kind, Exception error, ReplyBuffer output, int start)
    {
        // Whatever part of a reply was written before the failure must not reach the client.
        output.Truncate(start);
        if (error is EnvException envError)
        {
            ReplyError(output, envError.Code, envError.Message);
            return;
        }
        observer.OnUnexpectedError(kind, error);
        ReplyError(output, EnvErrorCodes.EnvError, error.Message);
    }

    private void ReplyError(ReplyBuffer output, string code, string message)
    {
        observer.OnErrorReplied(code);
        _replies.WriteError(output, code, message);
    }

    private void Defer(RequestKind kind, EnvException error)
    {
        observer.OnDeferredError(kind, error);
        Session.Defer(error);
    }
}

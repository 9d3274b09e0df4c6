using System.Buffers;
using GymServer.Engine.Sessions;
using GymServer.Protocol;
using GymServer.Protocol.Framing;
using GymServer.Protocol.V1;

namespace GymServer.Web.Tcp.States;

/// <summary>
/// Protocol 1, gym_tcp_api's: one env at a time, the current one (the last made). A line that expects a reply always
/// gets exactly one (the result or an error); a line that does not never gets one, and if it fails its error is the
/// reply to the next line that expects one, which is then not run. <c>{"server":{"protocol":2}}</c> moves the
/// connection to protocol 2.
/// </summary>
/// <remarks>
/// Commands run synchronously when the env completes synchronously (native envs): no async state machine, no
/// allocation on a step. Only an env that really waits (a Python worker) takes the awaiting path.
/// </remarks>
public sealed partial class Protocol1State(ConnectionScope scope) : ConnectionState(scope)
{
    private readonly RequestParser _parser = new();
    private ConnectionState? _successor;

    private Session Session => Scope.Session;

    /// <summary>This protocol's replies, compressed after <c>{"server":{"compression":..}}</c> (the connection's only
    /// compressed ones: making an env or the handshake turns it off).</summary>
    private ReplyWriter Replies { get; } = new();

    /// <summary>The env commands address: the last one made, until it is closed.</summary>
    public SessionEnv? Current { get; private set; }

    /// <summary>The instance id of the last env made, kept after it is closed (the url command asks for it then).</summary>
    public string? LastInstanceId { get; private set; }

    /// <summary>The error of a failed request without a reply, waiting for the next request with one.</summary>
    public WireException? PendingError { get; private set; }

    /// <summary>A notice in this protocol's form: compressed if replies are.</summary>
    public override void WriteNotice(ReplyBuffer output, string code, string message) => Replies.WriteError(output, code, message);

    public override ValueTask<ConnectionState> RunAsync(TcpRequest request, ReplyBuffer output)
    {
        if (request.Framing != RequestFraming.Line)
        {
            WriteError(output, ProtocolErrorCodes.LineTooLong, Scope.LineTooLongMessage);
            return new ValueTask<ConnectionState>(this);
        }
        var run = DispatchAsync(request.Bytes, output);
        return run.IsCompletedSuccessfully ? new ValueTask<ConnectionState>(_successor ?? this) : AwaitAsync(run);

        async ValueTask<ConnectionState> AwaitAsync(ValueTask run)
        {
            await run.ConfigureAwait(false);
            return _successor ?? this;
        }
    }

    /// <summary>Handles one request line (without its terminator).</summary>
    private ValueTask DispatchAsync(in ReadOnlySequence<byte> line, ReplyBuffer output)
    {
        GymRequest request;
        try
        {
            request = _parser.Parse(line);
        }
        catch (ProtocolException error) when (error.Kind is RequestKind kind && !RequestKinds.HasReply(kind))
        {
            Defer(kind, error);
            return ValueTask.CompletedTask;
        }
        catch (ProtocolException error)
        {
            WriteError(output, error.Code, error.Message);
            return ValueTask.CompletedTask;
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
            return ValueTask.CompletedTask;
        }

        if (TryTakePendingError(out var pending))
        {
            ReplyError(output, pending.Code, pending.Message);
            return ValueTask.CompletedTask;
        }
        var start = output.WrittenCount;
        try
        {
            var run = RunWithReply(request, output);
            if (!run.IsCompletedSuccessfully)
            {
                return AwaitWithReplyAsync(run, request.Kind, output, start);
            }
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            FailWithReply(request.Kind, error, output, start);
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Writes an error reply for a line refused before it ran (too long): a pending error, if any, takes its place, as
    /// for any line that gets a reply.
    /// </summary>
    private void WriteError(ReplyBuffer output, string code, string message)
    {
        if (TryTakePendingError(out var pending))
        {
            ReplyError(output, pending.Code, pending.Message);
            return;
        }
        ReplyError(output, code, message);
    }

    private async ValueTask AwaitWithoutReplyAsync(ValueTask run, RequestKind kind)
    {
        try
        {
            await run.ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            FailWithoutReply(kind, error);
        }
    }

    private async ValueTask AwaitWithReplyAsync(ValueTask run, RequestKind kind, ReplyBuffer output, int start)
    {
        try
        {
            await run.ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            FailWithReply(kind, error, output, start);
        }
    }

    private void FailWithoutReply(RequestKind kind, Exception error)
    {
        if (error is not WireException wireError)
        {
            Scope.Observer.OnUnexpectedError(kind, error);
            wireError = new WireException(EnvErrorCodes.EnvError, error.Message);
        }
        Defer(kind, wireError);
    }

    private void FailWithReply(RequestKind kind, Exception error, ReplyBuffer output, int start)
    {
        // Whatever part of a reply was written before the failure must not reach the client.
        output.Truncate(start);
        if (error is WireException wireError)
        {
            ReplyError(output, wireError.Code, wireError.Message);
            return;
        }
        Scope.Observer.OnUnexpectedError(kind, error);
        ReplyError(output, EnvErrorCodes.EnvError, error.Message);
    }

    private void ReplyError(ReplyBuffer output, string code, string message)
    {
        Scope.Observer.OnErrorReplied(code);
        Replies.WriteError(output, code, message);
    }

    /// <summary>Keeps the error of a request without a reply; the first one wins until it is taken.</summary>
    private void Defer(RequestKind kind, WireException error)
    {
        Scope.Observer.OnDeferredError(kind, error);
        PendingError ??= error;
    }

    private bool TryTakePendingError(out WireException error)
    {
        error = PendingError!;
        PendingError = null;
        return error is not null;
    }
}

using System.Buffers;
using GymServer.Engine.Environments;
using GymServer.Engine.Sessions;

namespace GymServer.Engine.Protocol;

/// <summary>
/// Runs protocol-1 request lines against a <see cref="Session"/> and writes their replies. One instance per
/// connection. A line that expects a reply always gets exactly one (the result or an error); a line that does not
/// never gets one, and if it fails its error is the reply to the next line that expects one, which is then not run.
/// </summary>
public sealed class RequestDispatcher(Session session, IRequestObserver observer)
{
    private readonly RequestParser _parser = new();
    private readonly ReplyWriter _replies = new();

    public Session Session { get; } = session;

    /// <summary>The zlib level replies are compressed at (0: off).</summary>
    public int CompressionLevel => _replies.CompressionLevel;

    /// <summary>
    /// Handles one request line (without its terminator). Returns whether a reply was written to
    /// <paramref name="output"/>. Completes synchronously for native envs.
    /// </summary>
    public async ValueTask<bool> DispatchAsync(ReadOnlySequence<byte> line, ReplyBuffer output, CancellationToken cancellationToken)
    {
        GymRequest request;
        try
        {
            request = _parser.Parse(line);
        }
        catch (ProtocolException error) when (error.Kind is RequestKind kind && !RequestKinds.HasReply(kind))
        {
            Defer(kind, error);
            return false;
        }
        catch (ProtocolException error)
        {
            WriteError(output, error.Code, error.Message);
            return true;
        }

        if (!request.HasReply)
        {
            try
            {
                await RunWithoutReplyAsync(request).ConfigureAwait(false);
            }
            catch (EnvException error)
            {
                Defer(request.Kind, error);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                observer.OnUnexpectedError(request.Kind, error);
                Defer(request.Kind, new EnvException(EnvErrorCodes.EnvError, error.Message));
            }
            return false;
        }

        if (Session.TryTakePendingError(out var pending))
        {
            _replies.WriteError(output, pending.Code, pending.Message);
            return true;
        }
        var start = output.WrittenCount;
        try
        {
            await RunWithReplyAsync(request, output, cancellationToken).ConfigureAwait(false);
        }
        catch (EnvException error)
        {
            // Whatever part of a reply was written before the failure must not reach the client.
            output.Truncate(start);
            _replies.WriteError(output, error.Code, error.Message);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            output.Truncate(start);
            observer.OnUnexpectedError(request.Kind, error);
            _replies.WriteError(output, EnvErrorCodes.EnvError, error.Message);
        }
        return true;
    }

    /// <summary>
    /// Writes an error reply for a line the framing refused (too long): a pending error, if any, takes its place,
    /// as for any line that gets a reply.
    /// </summary>
    public void WriteError(ReplyBuffer output, string code, string message)
    {
        if (Session.TryTakePendingError(out var pending))
        {
            _replies.WriteError(output, pending.Code, pending.Message);
            return;
        }
        _replies.WriteError(output, code, message);
    }

    /// <summary>Writes an error that is not the reply to a line: the notice sent before the server closes the connection.</summary>
    public void WriteNotice(ReplyBuffer output, string code, string message) => _replies.WriteError(output, code, message);

    private void Defer(RequestKind kind, EnvException error)
    {
        observer.OnDeferredError(kind, error);
        Session.Defer(error);
    }

    private async ValueTask RunWithoutReplyAsync(GymRequest request)
    {
        switch (request.Kind)
        {
            case RequestKind.Seed:
                Session.RequireCurrent().SeedNextReset(request.Seed.Seed);
                break;
            case RequestKind.CloseEnv:
                // Closing when there is no env is a no-op, as in gym_tcp_api.
                if (Session.Current is SessionEnv current)
                {
                    await Session.CloseAsync(current).ConfigureAwait(false);
                }
                break;
            case RequestKind.RecordEpisodeStats:
                Session.RequireCurrent().RecordEpisodeStatistics();
                break;
            case RequestKind.Compression:
                _replies.CompressionLevel = request.Compression.Level;
                break;
            default:
                throw new InvalidOperationException($"{request.Kind} has a reply");
        }
    }

    private async ValueTask RunWithReplyAsync(GymRequest request, ReplyBuffer output, CancellationToken cancellationToken)
    {
        switch (request.Kind)
        {
            case RequestKind.Step:
            {
                var env = Session.RequireCurrent();
                // The action's bytes live in the pipe's buffer: read them before the first await.
                ActionReader.Read(env.ActionSpace, request.Step.Action.Span, env.Action);
                var (result, episode) = await env.StepAsync(cancellationToken).ConfigureAwait(false);
                new StepResponse(env.ObservationSpace, env.Observation, result, env.Instance.Spec.IntegerRewards, env.Info, episode)
                    .WriteTo(_replies.Begin(output));
                break;
            }
            case RequestKind.Reset:
            {
                var env = Session.RequireCurrent();
                await env.ResetAsync(cancellationToken).ConfigureAwait(false);
                new ObservationResponse(env.ObservationSpace, env.Observation).WriteTo(_replies.Begin(output));
                break;
            }
            case RequestKind.SampleAction:
            {
                var env = Session.RequireCurrent();
                new SampleResponse(env.ActionSpace, env.SampleAction()).WriteTo(_replies.Begin(output));
                break;
            }
            case RequestKind.ActionSpace:
                new SpaceInfoResponse(Session.RequireCurrent().ActionSpace).WriteTo(_replies.Begin(output));
                break;
            case RequestKind.ObservationSpace:
                new SpaceInfoResponse(Session.RequireCurrent().ObservationSpace).WriteTo(_replies.Begin(output));
                break;
            case RequestKind.MakeEnv:
            {
                // As gym_tcp_api: replies go back to uncompressed, and the previous env is closed first.
                _replies.CompressionLevel = 0;
                if (Session.Current is SessionEnv previous)
                {
                    await Session.CloseAsync(previous).ConfigureAwait(false);
                }
                var env = await Session.OpenAsync(request.MakeEnv.EnvId, cancellationToken).ConfigureAwait(false);
                new InstanceResponse(env.InstanceId).WriteTo(_replies.Begin(output));
                break;
            }
            case RequestKind.Url:
            {
                var instanceId = Session.LastInstanceId
                    ?? throw new EnvException(ProtocolErrorCodes.NoEnv, "no env has been made on this connection, so there are no recordings");
                new UrlResponse(RecordingPaths.VideoOf(instanceId)).WriteTo(_replies.Begin(output));
                break;
            }
            default:
                throw new InvalidOperationException($"{request.Kind} has no reply");
        }
        _replies.End(output);
    }
}

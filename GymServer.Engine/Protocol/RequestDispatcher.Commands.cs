using GymServer.Engine.Environments;
using GymServer.Engine.Recording;
using GymServer.Engine.Sessions;

namespace GymServer.Engine.Protocol;

public sealed partial class RequestDispatcher
{
    private ValueTask RunWithoutReply(GymRequest request)
    {
        switch (request.Kind)
        {
            case RequestKind.Seed:
                Session.RequireCurrent().SeedNextReset(request.Seed.Seed);
                return ValueTask.CompletedTask;
            case RequestKind.CloseEnv:
                // Closing when there is no env is a no-op, as in gym_tcp_api.
                return Session.Current is SessionEnv current ? Session.CloseAsync(current) : ValueTask.CompletedTask;
            case RequestKind.RecordEpisodeStats:
                return RecordEpisodeStatsAsync(Session.RequireCurrent());
            case RequestKind.Compression:
                _replies.CompressionLevel = request.Compression.Level;
                return ValueTask.CompletedTask;
            default:
                throw new InvalidOperationException($"{request.Kind} has a reply");
        }
    }

    /// <summary>
    /// gym_tcp_api's Monitor recorded statistics and videos: so does this, videos on the node's schedule. An env
    /// that cannot give frames (a Python env without rgb_array) still gets its statistics.
    /// </summary>
    private async ValueTask RecordEpisodeStatsAsync(SessionEnv env)
    {
        env.RecordEpisodeStatistics();
        if (Session.Recorder is not MediaRecorder recorder)
        {
            return;
        }
        try
        {
            await recorder.StartAsync(env, schedule: null, CancellationToken.None).ConfigureAwait(false);
        }
        catch (EnvException error)
        {
            // Protocol 1 has no reply to carry this: the env keeps its statistics, the log says why there is no video.
            recorder.Start(env, VideoSchedule.None);
            recorder.NoFrames(env, error);
        }
    }

    private ValueTask RunWithReply(GymRequest request, ReplyBuffer output, CancellationToken cancellationToken)
    {
        switch (request.Kind)
        {
            case RequestKind.Step:
                return Step(request.Step, output, cancellationToken);
            case RequestKind.Reset:
                return Reset(output, cancellationToken);
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
                return MakeEnvAsync(request.MakeEnv, output, cancellationToken);
            case RequestKind.Url:
            {
                var instanceId = Session.LastInstanceId
                    ?? throw new EnvException(ProtocolErrorCodes.NoEnv, "no env has been made on this connection, so there are no recordings");
                new UrlResponse(MediaRecorder.UrlOf(instanceId)).WriteTo(_replies.Begin(output));
                break;
            }
            case RequestKind.Handshake:
                Handshake(request.Handshake, output);
                return ValueTask.CompletedTask;
            default:
                throw new InvalidOperationException($"{request.Kind} has no reply");
        }
        _replies.End(output);
        return ValueTask.CompletedTask;
    }

    private void Handshake(HandshakeRequest request, ReplyBuffer output)
    {
        if (request.Version is < 1 or > HandshakeResponse.LatestVersion)
        {
            throw new EnvException(EnvErrorCodes.InvalidArgument,
                $"protocol {request.Version} is not one this server speaks: 1 or {HandshakeResponse.LatestVersion}");
        }
        // The handshake reply, and every protocol-2 reply, is never compressed.
        _replies.CompressionLevel = 0;
        if (request.Version == 1 && request.Encoding == WireEncoding.Binary)
        {
            throw new EnvException(EnvErrorCodes.InvalidArgument, "the binary encoding needs protocol 2");
        }
        new HandshakeResponse(request.Version, request.Encoding).WriteTo(_replies.Begin(output));
        _replies.End(output);
        ProtocolVersion = request.Version;
        Encoding = request.Encoding ?? WireEncoding.Json;
    }

    private ValueTask Step(StepRequest request, ReplyBuffer output, CancellationToken cancellationToken)
    {
        var env = Session.RequireCurrent();
        // The action's bytes live in the pipe's buffer: read them before anything can wait.
        ActionReader.Read(env.ActionSpace, request.Action.Span, env.Action);
        var step = env.StepAsync(cancellationToken);
        if (!step.IsCompletedSuccessfully)
        {
            return AwaitStepAsync(env, step, output);
        }
        WriteStep(env, step.Result, output);
        return ValueTask.CompletedTask;

        async ValueTask AwaitStepAsync(SessionEnv env, ValueTask<(StepResult, EpisodeSummary?)> step, ReplyBuffer output) =>
            WriteStep(env, await step.ConfigureAwait(false), output);
    }

    private void WriteStep(SessionEnv env, (StepResult Result, EpisodeSummary? Episode) step, ReplyBuffer output)
    {
        new StepResponse(env.ObservationSpace, env.Observation, step.Result, env.Instance.Spec.IntegerRewards, env.Info, step.Episode)
            .WriteTo(_replies.Begin(output));
        _replies.End(output);
    }

    private ValueTask Reset(ReplyBuffer output, CancellationToken cancellationToken)
    {
        var env = Session.RequireCurrent();
        var reset = env.ResetAsync(cancellationToken);
        if (!reset.IsCompletedSuccessfully)
        {
            return AwaitResetAsync(env, reset, output);
        }
        WriteObservation(env, output);
        return ValueTask.CompletedTask;

        async ValueTask AwaitResetAsync(SessionEnv env, ValueTask reset, ReplyBuffer output)
        {
            await reset.ConfigureAwait(false);
            WriteObservation(env, output);
        }
    }

    private void WriteObservation(SessionEnv env, ReplyBuffer output)
    {
        new ObservationResponse(env.ObservationSpace, env.Observation).WriteTo(_replies.Begin(output));
        _replies.End(output);
    }

    private async ValueTask MakeEnvAsync(MakeEnvRequest request, ReplyBuffer output, CancellationToken cancellationToken)
    {
        // As gym_tcp_api: replies go back to uncompressed, and the previous env is closed first.
        _replies.CompressionLevel = 0;
        if (Session.Current is SessionEnv previous)
        {
            await Session.CloseAsync(previous).ConfigureAwait(false);
        }
        var env = await Session.OpenAsync(request.EnvId, cancellationToken).ConfigureAwait(false);
        new InstanceResponse(env.InstanceId).WriteTo(_replies.Begin(output));
        _replies.End(output);
    }
}

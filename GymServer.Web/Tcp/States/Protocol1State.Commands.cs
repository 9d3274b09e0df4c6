using GymServer.Engine.Environments;
using GymServer.Engine.Recording;
using GymServer.Engine.Sessions;
using GymServer.Protocol;
using GymServer.Protocol.Framing;
using GymServer.Protocol.Spaces;
using GymServer.Protocol.V1;
using GymServer.Protocol.Values;

namespace GymServer.Web.Tcp.States;

public sealed partial class Protocol1State
{
    private ValueTask RunWithoutReply(GymRequest request)
    {
        switch (request.Kind)
        {
            case RequestKind.Seed:
                RequireCurrent().SeedNextReset(request.Seed.Seed);
                return ValueTask.CompletedTask;
            case RequestKind.CloseEnv:
                // Closing when there is no env is a no-op, as in gym_tcp_api.
                return Current is SessionEnv current ? CloseCurrentAsync(current) : ValueTask.CompletedTask;
            case RequestKind.RecordEpisodeStats:
                return RecordEpisodeStatsAsync(RequireCurrent());
            case RequestKind.Compression:
                Replies.CompressionLevel = request.Compression.Level;
                return ValueTask.CompletedTask;
            default:
                throw new InvalidOperationException($"{request.Kind} has a reply");
        }
    }

    /// <summary>The current env, or no_env.</summary>
    private SessionEnv RequireCurrent() =>
        Current ?? throw new ProtocolException(ProtocolErrorCodes.NoEnv, "no env: make one first with {\"env\":{\"name\":\"<id>\"}}");

    private ValueTask CloseCurrentAsync(SessionEnv current)
    {
        Current = null;
        return Session.CloseAsync(current);
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

    private ValueTask RunWithReply(GymRequest request, ReplyBuffer output)
    {
        switch (request.Kind)
        {
            case RequestKind.Step:
                return Step(request.Step, output);
            case RequestKind.Reset:
                return Reset(output);
            case RequestKind.SampleAction:
            {
                var env = RequireCurrent();
                new SampleResponse(env.ActionSpace.Description, env.SampleAction()).WriteTo(Replies.Begin(output), Replies.Body);
                break;
            }
            case RequestKind.ActionSpace:
                new SpaceInfoResponse(RequireCurrent().ActionSpace.Description).WriteTo(Replies.Begin(output));
                break;
            case RequestKind.ObservationSpace:
                new SpaceInfoResponse(RequireCurrent().ObservationSpace.Description).WriteTo(Replies.Begin(output));
                break;
            case RequestKind.MakeEnv:
                return MakeEnvAsync(request.MakeEnv, output);
            case RequestKind.Url:
            {
                var instanceId = LastInstanceId
                    ?? throw new ProtocolException(ProtocolErrorCodes.NoEnv, "no env has been made on this connection, so there are no recordings");
                new UrlResponse(MediaRecorder.UrlOf(instanceId)).WriteTo(Replies.Begin(output));
                break;
            }
            case RequestKind.Handshake:
                Handshake(request.Handshake, output);
                return ValueTask.CompletedTask;
            default:
                throw new InvalidOperationException($"{request.Kind} has no reply");
        }
        Replies.End(output);
        return ValueTask.CompletedTask;
    }

    /// <summary>Answers the handshake; protocol 2 makes the next state the connection's.</summary>
    private void Handshake(HandshakeRequest request, ReplyBuffer output)
    {
        if (request.Version is < 1 or > HandshakeResponse.LatestVersion)
        {
            throw new ProtocolException(EnvErrorCodes.InvalidArgument,
                $"protocol {request.Version} is not one this server speaks: 1 or {HandshakeResponse.LatestVersion}");
        }
        // The handshake reply, and every protocol-2 JSON reply, is never zlib-compressed (binary frames may use a codec).
        Replies.CompressionLevel = 0;
        if (request.Version == 1 && request.Encoding == WireEncoding.Binary)
        {
            throw new ProtocolException(EnvErrorCodes.InvalidArgument, "the binary encoding needs protocol 2");
        }
        if (request.Version == 1 && request.Codecs is not null)
        {
            throw new ProtocolException(EnvErrorCodes.InvalidArgument, "server.codecs need protocol 2 (protocol 1 has server.compression)");
        }
        var compression = Scope.CompressionPolicy.Agree(request.Codecs, request.Encoding ?? WireEncoding.Json);
        new HandshakeResponse(request.Version, GymnasiumVersions.Native, request.Encoding, compression?.Codec).WriteTo(Replies.Begin(output));
        Replies.End(output);
        if (request.Version == 2)
        {
            Scope.Compression = compression;
            // The following lines, already buffered ones too, are protocol 2.
            _successor = Protocol2JsonState.For(Scope, request.Encoding ?? WireEncoding.Json);
        }
    }

    private ValueTask Step(StepRequest request, ReplyBuffer output)
    {
        var env = RequireCurrent();
        // The action's bytes live in the pipe's buffer: read them before anything can wait.
        ActionReader.Read(env.ActionSpace.Description, request.Action.Span, env.Action);
        var step = env.StepAsync(Scope.Aborted);
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
        new StepResponse(env.ObservationSpace.Description, env.Observation, step.Result, env.Instance.Spec.IntegerRewards, env.Info, step.Episode)
            .WriteTo(Replies.Begin(output), Replies.Body);
        Replies.End(output);
    }

    private ValueTask Reset(ReplyBuffer output)
    {
        var env = RequireCurrent();
        var reset = env.ResetAsync(Scope.Aborted);
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
        new ObservationResponse(env.ObservationSpace.Description, env.Observation).WriteTo(Replies.Begin(output), Replies.Body);
        Replies.End(output);
    }

    private async ValueTask MakeEnvAsync(MakeEnvRequest request, ReplyBuffer output)
    {
        // As gym_tcp_api: replies go back to uncompressed, and the previous env is closed first.
        Replies.CompressionLevel = 0;
        if (Current is SessionEnv previous)
        {
            await CloseCurrentAsync(previous).ConfigureAwait(false);
        }
        var env = await Session.OpenAsync(request.EnvId, Scope.Aborted).ConfigureAwait(false);
        Current = env;
        LastInstanceId = env.InstanceId;
        new InstanceResponse(env.InstanceId).WriteTo(Replies.Begin(output));
        Replies.End(output);
    }
}

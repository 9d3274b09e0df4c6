using System.Buffers;
using System.Numerics;
using System.Text;
using System.Text.Json;
using GymServer.Engine.Sessions;
using GymServer.Protocol;
using GymServer.Protocol.Binary;
using GymServer.Protocol.Framing;
using GymServer.Protocol.V2;
using GymServer.Protocol.Values;

namespace GymServer.Web.Tcp.States;

/// <summary>The single-env frames (make, reset, step, sample): the same commands as the JSON lines, in frames.</summary>
public sealed partial class Protocol2BinaryState
{
    private byte[] _cachedEnvId = [];
    private SessionEnv? _cachedEnv;

    private async ValueTask MakeAsync(FrameHeader header, ReadOnlySequence<byte> payload, ReplyBuffer output)
    {
        MakeRequest request;
        using (var arguments = ReadJsonArguments(header, FrameType.MakeRequest, payload, Protocol2Command.Make))
        {
            request = MakeRequest.Read(arguments.Arguments);
        }
        var env = await Session.OpenAsync(request.Id, request.Kwargs, request.Wrappers, request.RenderMode, Scope.Aborted).ConfigureAwait(false);
        MakeReply(env).WriteTo(_frameJson.Begin());
        JsonFrame.Write(output, FrameType.MakeReply, _frameJson.End());
    }

    /// <summary>A frame whose payload is a command's JSON arguments (make, make_vec), parsed as a JSON line's are.</summary>
    private static Protocol2Request ReadJsonArguments(FrameHeader header, FrameType type, in ReadOnlySequence<byte> payload, Protocol2Command command)
    {
        FrameInstance.CheckHeader(header, type);
        return Protocol2Parser.ParseArguments(payload, command);
    }

    private ValueTask ResetAsync(FrameHeader header, ReadOnlySpan<byte> payload, ReplyBuffer output)
    {
        ResetRequestFrame.Read(header, payload, out var instanceId, out var seed, out var optionsJson);
        var env = FindEnv(instanceId);
        var options = ReadOptions(optionsJson, Protocol2Command.Reset);
        ValueTask reset;
        try
        {
            reset = env.ResetAsync(seed, options?.Arguments, Scope.Aborted);
        }
        catch
        {
            options?.Dispose();
            throw;
        }
        if (!reset.IsCompletedSuccessfully || options is not null)
        {
            return AwaitResetAsync(reset, env, options, output);
        }
        WriteReset(output, env);
        return ValueTask.CompletedTask;
    }

    private async ValueTask AwaitResetAsync(ValueTask reset, SessionEnv env, Protocol2Request? options, ReplyBuffer output)
    {
        using (options)
        {
            await reset.ConfigureAwait(false);
        }
        WriteReset(output, env);
    }

    private void WriteReset(ReplyBuffer output, SessionEnv env) =>
        ResetReplyFrame.Write(output, env, _frameJson.Info(env.Info));

    /// <summary>A reset frame's options: null when it has none, else a JSON object parsed as a line's arguments are.</summary>
    private static Protocol2Request? ReadOptions(ReadOnlySpan<byte> json, Protocol2Command command) =>
        json.IsEmpty ? null : Protocol2Parser.ParseArguments(new ReadOnlySequence<byte>(json.ToArray()), command);

    private ValueTask StepAsync(FrameHeader header, ReadOnlySpan<byte> payload, ReplyBuffer output)
    {
        StepRequestFrame.Read(header, payload, out var instanceId, out var action);
        var env = FindEnv(instanceId);
        CopyAction(env, action, index: null);
        var step = env.StepAsync(Scope.Aborted);
        if (!step.IsCompletedSuccessfully)
        {
            return AwaitStepAsync(step, env, output);
        }
        WriteStep(output, env, step.Result.Result);
        return ValueTask.CompletedTask;
    }

    private async ValueTask AwaitStepAsync(ValueTask<(StepResult Result, EpisodeSummary? Episode)> step, SessionEnv env, ReplyBuffer output)
    {
        var (result, _) = await step.ConfigureAwait(false);
        WriteStep(output, env, result);
    }

    private void WriteStep(ReplyBuffer output, SessionEnv env, StepResult result) =>
        StepReplyFrame.Write(output, env, result, _frameJson.Info(env.Info));

    private ValueTask Sample(FrameHeader header, ReadOnlySpan<byte> payload, ReplyBuffer output)
    {
        var env = FindEnv(SampleRequestFrame.Read(header, payload));
        SampleReplyFrame.Write(output, env.SampleAction());
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Copies a raw action into the env's action buffer and checks it against the space (invalid_action otherwise,
    /// naming <c>actions[i]</c> for a vector's sub-env).
    /// </summary>
    private static void CopyAction(SessionEnv env, ReadOnlySpan<byte> action, int? index)
    {
        var space = env.ActionSpace;
        if (action.Length != space.ByteSize)
        {
            throw new ProtocolException(EnvErrorCodes.InvalidAction, $"{Where(env, index)}an action of this space is {space.ByteSize} bytes, got {action.Length}");
        }
        action.CopyTo(env.Action);
        if (!space.Contains(action))
        {
            throw new ProtocolException(EnvErrorCodes.InvalidAction, $"{Where(env, index)}action {space.ValueJson(action)} is not in the action space {space.DescriptionJson()}");
        }

        static string Where(SessionEnv env, int? index) => index is int i ? $"actions[{i}]: " : $"{env.Instance.Spec.Id}: ";
    }

    /// <summary>The open single env with this id; the last one found is remembered, so a training loop looks up no strings.</summary>
    private SessionEnv FindEnv(ReadOnlySpan<byte> id)
    {
        if (_cachedEnv is not null && id.SequenceEqual(_cachedEnvId) && Session.Holds(_cachedEnv))
        {
            return _cachedEnv;
        }
        var env = Require(InstanceId(id));
        _cachedEnv = env;
        _cachedEnvId = id.ToArray();
        return env;
    }

    private static string InstanceId(ReadOnlySpan<byte> id) =>
        Ascii.IsValid(id) ? System.Text.Encoding.ASCII.GetString(id)
            : throw new ProtocolException(ProtocolErrorCodes.UnknownInstance, "the instance id in the frame is not ASCII");
}

using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Engine.Spaces;
using GymServer.Protocol;
using GymServer.Protocol.Spaces;

namespace GymServer.Engine.Python;

/// <summary>The make reply: <c>{"observation_space","action_space","spec":{...}}</c>, parsed into engine types.</summary>
internal sealed record WorkerMakeReply(EnvSpec Spec, Space ObservationSpace, Space ActionSpace)
{
    /// <exception cref="EnvException">unsupported_space when a space has no engine form (float16 Box, ...).</exception>
    public static WorkerMakeReply Parse(byte[] meta, string requestedId)
    {
        using var document = JsonDocument.Parse(meta);
        var root = document.RootElement;
        var (observation, action) = ParseSpaces(root);
        var spec = root.GetProperty("spec");
        return new WorkerMakeReply(
            new EnvSpec(
                Id: String(spec, "id") ?? requestedId,
                MaxEpisodeSteps: Int(spec, "max_episode_steps"),
                RewardThreshold: Double(spec, "reward_threshold"),
                Nondeterministic: spec.TryGetProperty("nondeterministic", out var nondeterministic) && nondeterministic.ValueKind == JsonValueKind.True,
                RenderFps: Int(spec, "render_fps")),
            observation,
            action);
    }

    /// <summary>Both spaces of a make or spaces reply.</summary>
    public static (Space Observation, Space Action) ParseSpaces(JsonElement root)
    {
        try
        {
            return (Space.Parse(root.GetProperty("observation_space")), Space.Parse(root.GetProperty("action_space")));
        }
        catch (InvalidSpaceDescriptionException error)
        {
            throw new EnvException(EnvErrorCodes.UnsupportedSpace, $"the env's space cannot be served: {error.Message}");
        }
    }

    private static string? String(JsonElement spec, string name) =>
        spec.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Int(JsonElement spec, string name) =>
        spec.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number)
            ? (int)Math.Clamp(Math.Round(number), int.MinValue, int.MaxValue)
            : null;

    private static double? Double(JsonElement spec, string name) =>
        spec.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}

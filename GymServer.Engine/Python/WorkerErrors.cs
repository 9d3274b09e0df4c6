using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Protocol;

namespace GymServer.Engine.Python;

/// <summary>The exceptions the pool raises, built in one place so their codes and wording stay consistent.</summary>
internal static class WorkerErrors
{
    /// <summary>An error reply: <c>{"code","type","message","traceback"}</c>.</summary>
    public static EnvException FromReply(ReadOnlySpan<byte> meta)
    {
        try
        {
            using var document = JsonDocument.Parse(meta.ToArray());
            var root = document.RootElement;
            return new PythonEnvException(
                Text(root, "code") ?? EnvErrorCodes.EnvError,
                Text(root, "message") ?? "the Python worker reported an error without a message",
                Text(root, "type"),
                Text(root, "traceback"));
        }
        catch (JsonException error)
        {
            return Protocol($"error reply is not valid JSON: {error.Message}");
        }
    }

    public static EnvException Protocol(string message) =>
        new(EnvErrorCodes.EnvError, $"Python worker protocol error: {message}");

    public static EnvException Lost(string reason) =>
        new(EnvErrorCodes.WorkerLost, $"the Python worker hosting this env was lost ({reason}); make the env again");

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}

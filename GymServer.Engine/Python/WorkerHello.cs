using System.Text.Json;

namespace GymServer.Engine.Python;

/// <summary>What a worker says when it is ready: protocol version, pid, and which gymnasium it imported.</summary>
public sealed record WorkerHello(int Protocol, int Pid, string Backend, string BackendVersion, string Python)
{
    /// <summary>The protocol version this server speaks (gymserver_worker.PROTOCOL_VERSION).</summary>
    public const int SupportedProtocol = 3;

    internal static WorkerHello Parse(ReadOnlySpan<byte> meta)
    {
        var reader = new Utf8JsonReader(meta);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        return new WorkerHello(
            root.GetProperty("protocol").GetInt32(),
            root.GetProperty("pid").GetInt32(),
            root.GetProperty("backend").GetString() ?? "unknown",
            root.GetProperty("backend_version").GetString() ?? "unknown",
            root.GetProperty("python").GetString() ?? "unknown");
    }
}

using System.Text.Json;

namespace GymServer.Protocol.V2;

/// <summary>
/// One parsed protocol-2 request line: the command and its argument object. It owns the parsed document, so it is
/// disposed once the request has run.
/// </summary>
public sealed class Protocol2Request(Protocol2Command command, JsonElement arguments, JsonDocument document) : IDisposable
{
    public Protocol2Command Command { get; } = command;

    /// <summary>The command's argument object, valid until the request is disposed.</summary>
    public JsonElement Arguments { get; } = arguments;

    public void Dispose() => document.Dispose();
}

using System.Reflection;
using System.Text.Json;
using GymServer.Protocol.Binary;
using GymServer.Protocol.V1;

namespace GymServer.Protocol;

/// <summary>
/// Reply to <see cref="HandshakeRequest"/>: <c>{"protocol":2,"server":"GymServer 1.0.0","gymnasium":"1.4.0"}</c>
/// (the Gymnasium release the native envs follow), with <c>"encoding":"binary"</c> (or <c>"json"</c>) when the
/// request named an encoding, and <c>"codec":"lz4"</c> (or <c>"none"</c>) when it proposed codecs.
/// </summary>
/// <param name="Version">The protocol the connection now speaks.</param>
/// <param name="Gymnasium">The Gymnasium release the server's native envs follow (the engine knows it, not the wire).</param>
/// <param name="Encoding">The encoding now in force, written only when the request asked for one.</param>
/// <param name="Codec">The frame compression the server picked, written only when the request proposed codecs.</param>
public readonly ref struct HandshakeResponse(int Version, string Gymnasium, WireEncoding? Encoding = null, FrameCodec? Codec = null)
{
    /// <summary>The protocol versions this server speaks.</summary>
    public const int LatestVersion = 2;

    /// <summary>"GymServer" and the version of the engine assembly, as the handshake reports it.</summary>
    public static string ServerName { get; } = $"GymServer {ProductVersion()}";

    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteNumber(ProtocolNames.Protocol, Version);
        writer.WriteString(ProtocolNames.Server, ServerName);
        writer.WriteString(ProtocolNames.Gymnasium, Gymnasium);
        if (Encoding is WireEncoding encoding)
        {
            writer.WriteString(ProtocolNames.Encoding, WireEncodings.NameOf(encoding));
        }
        if (Codec is FrameCodec codec)
        {
            writer.WriteString(ProtocolNames.Codec, FrameCodecs.NameOf(codec));
        }
        writer.WriteEndObject();
    }

    private static string ProductVersion()
    {
        var assembly = typeof(HandshakeResponse).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        // The SDK appends "+<commit>" to the informational version; the handshake names the release only.
        return informational?.Split('+')[0] ?? assembly.GetName().Version?.ToString(3) ?? "0.0.0";
    }
}

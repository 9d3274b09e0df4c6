using System.Text.Json;
using System.Text.Json.Nodes;
using GymServer.Protocol;
using GymServer.Protocol.Binary;
using GymServer.Protocol.V1;
using GymServer.Protocol.V2;

namespace GymServer.Client;

/// <summary>
/// A protocol-2 connection to GymServer: makes envs and vector envs, each addressed by its instance id, all on this
/// one connection. Every method takes a <see cref="CancellationToken"/>, and every request is bounded by
/// <see cref="GymClientOptions.RequestTimeout"/>. Requests are answered in order: concurrent calls are queued.
/// </summary>
/// <example>
/// <code>
/// await using var client = await GymClient.ConnectAsync("127.0.0.1", 4040);
/// await using var env = await client.MakeAsync("CartPole-v1");
/// var (obs, info) = await env.ResetAsync(seed: 42);
/// var step = await env.StepAsync(1L);
/// </code>
/// </example>
public sealed class GymClient : IAsyncDisposable
{
    private GymClient(GymConnection connection, string serverVersion, GymEncoding encoding, FrameCodec compression)
    {
        Connection = connection;
        ServerVersion = serverVersion;
        Encoding = encoding;
        Compression = compression;
    }

    /// <summary>The connection underneath, for requests this API does not cover.</summary>
    public GymConnection Connection { get; }

    /// <summary>The server's name and release, as its handshake reply gives it ("GymServer 1.0.0").</summary>
    public string ServerVersion { get; }

    /// <summary>The encoding the server agreed to.</summary>
    public GymEncoding Encoding { get; }

    /// <summary>
    /// The frame compression the server agreed to (<see cref="FrameCodec.None"/> when none was proposed or none it
    /// allows was). Replies are decompressed whatever it is.
    /// </summary>
    public FrameCodec Compression { get; }

    /// <summary>
    /// Connects and performs the protocol-2 handshake, asking for the binary encoding unless the options ask for JSON
    /// (see <see cref="GymClientOptions.Encoding"/>).
    /// </summary>
    /// <exception cref="GymServerException">The server is unreachable, or refused the handshake.</exception>
    /// <exception cref="TimeoutException">Connecting took longer than <see cref="GymClientOptions.ConnectTimeout"/>.</exception>
    public static async Task<GymClient> ConnectAsync(string host, int port, GymClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new GymClientOptions();
        var connection = await GymConnection.ConnectAsync(host, port, options, cancellationToken).ConfigureAwait(false);
        try
        {
            var binary = options.Encoding == GymEncoding.Binary;
            if (options.Compression.Count > 0 && options.Encoding == GymEncoding.Json)
            {
                throw new ArgumentException("compression applies to binary frames: leave Encoding unset or set it to GymEncoding.Binary", nameof(options));
            }
            JsonElement reply;
            try
            {
                reply = await HandshakeAsync(connection, askBinary: options.Encoding != GymEncoding.Json, options.Compression, cancellationToken).ConfigureAwait(false);
            }
            catch (GymServerException refused) when (options.Encoding is null && refused.Code is EnvErrorCodes.InvalidArgument or ProtocolErrorCodes.InvalidRequest)
            {
                // A server without the binary encoding refuses the field: this connection speaks JSON, uncompressed.
                reply = await HandshakeAsync(connection, askBinary: false, [], cancellationToken).ConfigureAwait(false);
            }
            if (!reply.TryGetProperty(Protocol2Names.Protocol, out var protocol) || protocol.GetInt32() != 2)
            {
                throw new GymServerException(GymServerException.BadReply, $"the server did not agree to protocol 2: {reply.GetRawText()}");
            }
            var encoding = reply.TryGetProperty(Protocol2Names.Encoding, out var e) && e.GetString() == WireEncodings.Binary ? GymEncoding.Binary : GymEncoding.Json;
            if (binary && encoding != GymEncoding.Binary)
            {
                throw new GymServerException(GymServerException.BadReply, $"the server did not agree to the binary encoding: {reply.GetRawText()}");
            }
            var server = reply.TryGetProperty(Protocol2Names.Server, out var s) ? s.GetString() ?? "" : "";
            var compression = reply.TryGetProperty(ProtocolNames.Codec.EncodedUtf8Bytes, out var c) && FrameCodecs.TryParse(c.GetString(), out var agreed) ? agreed : FrameCodec.None;
            return new GymClient(connection, server, encoding, compression);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static Task<JsonElement> HandshakeAsync(
        GymConnection connection, bool askBinary, IReadOnlyList<FrameCodec> codecs, CancellationToken cancellationToken) =>
        connection.CallAsync(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject(Protocol2Names.Server);
            writer.WriteNumber(Protocol2Names.Protocol, 2);
            if (askBinary)
            {
                writer.WriteString(Protocol2Names.Encoding, WireEncodings.Binary);
            }
            if (askBinary && codecs.Count > 0)
            {
                writer.WriteStartArray(Protocol2Names.Codecs);
                foreach (var codec in codecs)
                {
                    writer.WriteStringValue(FrameCodecs.NameOf(codec));
                }
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
        }, cancellationToken);

    /// <summary>Gymnasium's <c>make(id, **kwargs)</c>.</summary>
    /// <param name="id">A Gymnasium id, optionally with a backend prefix (<c>native:CartPole-v1</c>, <c>python:ALE/Pong-v5</c>).</param>
    /// <param name="kwargs">Keyword arguments of the env's constructor, or null.</param>
    /// <param name="cancellationToken">Cancels the request (and closes the connection, which is then out of step).</param>
    /// <exception cref="GymServerException"><c>unknown_env</c>, <c>invalid_argument</c>, <c>too_many_envs</c>, ...</exception>
    public async Task<RemoteEnv> MakeAsync(string id, JsonObject? kwargs = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var reply = await Connection.CallAsync(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject(Protocol2Names.Make);
            WriteIdAndKwargs(writer, id, kwargs);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }, cancellationToken).ConfigureAwait(false);
        return new RemoteEnv(Connection, reply, Encoding == GymEncoding.Binary);
    }

    /// <summary>Gymnasium's <c>make_vec(id, num_envs, vectorization_mode="sync", **kwargs)</c>.</summary>
    /// <exception cref="GymServerException"><c>unknown_env</c>, <c>invalid_argument</c> (num_envs), ...</exception>
    public async Task<RemoteVectorEnv> MakeVecAsync(string id, int numEnvs, JsonObject? kwargs = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var reply = await Connection.CallAsync(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject(Protocol2Names.MakeVec);
            WriteIdAndKwargs(writer, id, kwargs);
            writer.WriteNumber(Protocol2Names.NumEnvs, numEnvs);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }, cancellationToken).ConfigureAwait(false);
        return new RemoteVectorEnv(Connection, reply, Encoding == GymEncoding.Binary);
    }

    /// <summary>Every env id the server serves, with its spaces.</summary>
    public async Task<IReadOnlyList<EnvDescription>> ListEnvsAsync(CancellationToken cancellationToken = default)
    {
        var reply = await Connection.CallAsync(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject(Protocol2Names.ListEnvs);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }, cancellationToken).ConfigureAwait(false);
        return reply.GetProperty(Protocol2Names.Envs.EncodedUtf8Bytes).EnumerateArray().Select(e => new EnvDescription(
            e.GetProperty(Protocol2Names.Id).GetString()!,
            e.GetProperty(Protocol2Names.Backend.EncodedUtf8Bytes).GetString()!,
            Spaces.Space.Parse(e.GetProperty(Protocol2Names.ObservationSpace.EncodedUtf8Bytes)),
            Spaces.Space.Parse(e.GetProperty(Protocol2Names.ActionSpace.EncodedUtf8Bytes)))).ToArray();
    }

    /// <summary>Closes every env and vector env of this connection; the connection stays open.</summary>
    public async Task CloseAllAsync(CancellationToken cancellationToken = default) =>
        await Connection.CallAsync(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject(Protocol2Names.Close);
            writer.WriteBoolean(Protocol2Names.All, true);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }, cancellationToken).ConfigureAwait(false);

    /// <summary>Closes the connection; the server closes every env it held for it.</summary>
    public ValueTask DisposeAsync() => Connection.DisposeAsync();

    private static void WriteIdAndKwargs(Utf8JsonWriter writer, string id, JsonObject? kwargs)
    {
        writer.WriteString(Protocol2Names.Id, id);
        if (kwargs is not null)
        {
            writer.WritePropertyName(Protocol2Names.Kwargs);
            kwargs.WriteTo(writer);
        }
    }
}

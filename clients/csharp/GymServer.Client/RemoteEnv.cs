using System.Text.Json;
using System.Text.Json.Nodes;
using GymServer.Protocol.V2;
using GymServer.Client.Spaces;

namespace GymServer.Client;

/// <summary>
/// One env on the server, in Gymnasium's shape: <see cref="ResetAsync"/>, <see cref="StepAsync"/>,
/// <see cref="SampleAsync"/>, <see cref="CloseAsync"/>. Made by <see cref="GymClient.MakeAsync"/>.
/// </summary>
public sealed partial class RemoteEnv : IAsyncDisposable
{
    private readonly GymConnection _connection;
    private readonly bool _binary;
    private bool _closed;

    internal RemoteEnv(GymConnection connection, JsonElement reply, bool binary)
    {
        _connection = connection;
        _binary = binary;
        Instance = reply.GetProperty(Protocol2Names.Instance).GetString()!;
        Id = reply.GetProperty(Protocol2Names.Id).GetString()!;
        Backend = reply.GetProperty(Protocol2Names.Backend.EncodedUtf8Bytes).GetString()!;
        ObservationSpace = Space.Parse(reply.GetProperty(Protocol2Names.ObservationSpace.EncodedUtf8Bytes));
        ActionSpace = Space.Parse(reply.GetProperty(Protocol2Names.ActionSpace.EncodedUtf8Bytes));
    }

    /// <summary>The server's instance id of this env (13 hex digits).</summary>
    public string Instance { get; }

    /// <summary>The Gymnasium id, without backend prefix.</summary>
    public string Id { get; }

    /// <summary>The backend running the env: "native" or "python".</summary>
    public string Backend { get; }

    /// <summary>The observation space.</summary>
    public Space ObservationSpace { get; }

    /// <summary>The action space.</summary>
    public Space ActionSpace { get; }

    /// <summary>Whether reset, step and sample travel as binary frames.</summary>
    public bool UsesBinaryEncoding => _binary;

    /// <summary>
    /// Gymnasium's <c>reset(seed=seed, options=options)</c>. With a seed the env's generator is reseeded (the
    /// trajectory is Gymnasium's to the bit for native envs); without, it continues.
    /// </summary>
    /// <exception cref="GymServerException">The server refused (<c>invalid_argument</c>, <c>unknown_instance</c>, ...).</exception>
    public async Task<ResetResult> ResetAsync(long? seed = null, JsonObject? options = null, CancellationToken cancellationToken = default)
    {
        if (_binary)
        {
            return await ResetBinaryAsync(seed, options, cancellationToken).ConfigureAwait(false);
        }
        var reply = await _connection.CallAsync(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject(Protocol2Names.Reset);
            writer.WriteString(Protocol2Names.Instance, Instance);
            WriteSeedAndOptions(writer, seed, options);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }, cancellationToken).ConfigureAwait(false);
        return new ResetResult(ObservationSpace.ReadJson(reply.GetProperty(Protocol2Names.Observation.EncodedUtf8Bytes)), reply.GetProperty(Protocol2Names.Info.EncodedUtf8Bytes));
    }

    /// <summary>Gymnasium's <c>step(action)</c>; the action is a value of <see cref="ActionSpace"/>.</summary>
    /// <exception cref="GymServerException">The server refused (<c>invalid_action</c>, <c>reset_needed</c>, ...).</exception>
    /// <exception cref="ArgumentException">The action is not of the action space's .NET type or shape.</exception>
    public async Task<StepResult> StepAsync(object action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (_binary)
        {
            return await StepBinaryAsync(action, cancellationToken).ConfigureAwait(false);
        }
        var reply = await _connection.CallAsync(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject(Protocol2Names.Step);
            writer.WriteString(Protocol2Names.Instance, Instance);
            writer.WritePropertyName(Protocol2Names.Action);
            ActionSpace.WriteJson(writer, action);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }, cancellationToken).ConfigureAwait(false);
        return new StepResult(
            ObservationSpace.ReadJson(reply.GetProperty(Protocol2Names.Observation.EncodedUtf8Bytes)),
            reply.GetProperty(Protocol2Names.Reward.EncodedUtf8Bytes).GetDouble(),
            reply.GetProperty(Protocol2Names.Terminated.EncodedUtf8Bytes).GetBoolean(),
            reply.GetProperty(Protocol2Names.Truncated.EncodedUtf8Bytes).GetBoolean(),
            reply.GetProperty(Protocol2Names.Info.EncodedUtf8Bytes));
    }

    /// <summary>Gymnasium's <c>action_space.sample()</c>, drawn by the server from the env's own generator.</summary>
    public async Task<object> SampleAsync(CancellationToken cancellationToken = default)
    {
        if (_binary)
        {
            return await SampleBinaryAsync(cancellationToken).ConfigureAwait(false);
        }
        var reply = await _connection.CallAsync(writer => WriteInstanceCommand(writer, Protocol2Names.Sample, Instance), cancellationToken).ConfigureAwait(false);
        return ActionSpace.ReadJson(reply.GetProperty(Protocol2Names.Sample));
    }

    /// <summary>Gymnasium's <c>close()</c>. Closing twice does nothing the second time.</summary>
    public async Task CloseAsync(CancellationToken cancellationToken = default)
    {
        if (_closed)
        {
            return;
        }
        await _connection.CallAsync(writer => WriteInstanceCommand(writer, Protocol2Names.Close, Instance), cancellationToken).ConfigureAwait(false);
        _closed = true;
    }

    /// <summary>Closes the env (see <see cref="CloseAsync"/>).</summary>
    public async ValueTask DisposeAsync() => await CloseAsync().ConfigureAwait(false);

    internal static void WriteInstanceCommand(Utf8JsonWriter writer, string command, string instance)
    {
        writer.WriteStartObject();
        writer.WriteStartObject(command);
        writer.WriteString(Protocol2Names.Instance, instance);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    internal static void WriteSeedAndOptions(Utf8JsonWriter writer, long? seed, JsonObject? options)
    {
        if (seed is { } s)
        {
            writer.WriteNumber(Protocol2Names.Seed, s);
        }
        if (options is not null)
        {
            writer.WritePropertyName(Protocol2Names.Options);
            options.WriteTo(writer);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"RemoteEnv({Id}, {Instance})";
}

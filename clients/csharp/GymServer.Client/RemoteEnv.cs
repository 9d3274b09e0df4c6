using System.Text.Json;
using System.Text.Json.Nodes;
using GymServer.Client.Spaces;

namespace GymServer.Client;

/// <summary>
/// One env on the server, in Gymnasium's shape: <see cref="ResetAsync"/>, <see cref="StepAsync"/>,
/// <see cref="SampleAsync"/>, <see cref="CloseAsync"/>. Made by <see cref="GymClient.MakeAsync"/>.
/// </summary>
public sealed class RemoteEnv : IAsyncDisposable
{
    private readonly GymConnection _connection;
    private bool _closed;

    internal RemoteEnv(GymConnection connection, JsonElement reply)
    {
        _connection = connection;
        Instance = reply.GetProperty("instance").GetString()!;
        Id = reply.GetProperty("id").GetString()!;
        Backend = reply.GetProperty("backend").GetString()!;
        ObservationSpace = Space.Parse(reply.GetProperty("observation_space"));
        ActionSpace = Space.Parse(reply.GetProperty("action_space"));
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

    /// <summary>
    /// Gymnasium's <c>reset(seed=seed, options=options)</c>. With a seed the env's generator is reseeded (the
    /// trajectory is Gymnasium's to the bit for native envs); without, it continues.
    /// </summary>
    /// <exception cref="GymServerException">The server refused (<c>invalid_argument</c>, <c>unknown_instance</c>, ...).</exception>
    public async Task<ResetResult> ResetAsync(long? seed = null, JsonObject? options = null, CancellationToken cancellationToken = default)
    {
        var reply = await _connection.CallAsync(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("reset");
            writer.WriteString("instance", Instance);
            WriteSeedAndOptions(writer, seed, options);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }, cancellationToken).ConfigureAwait(false);
        return new ResetResult(ObservationSpace.ReadJson(reply.GetProperty("observation")), reply.GetProperty("info"));
    }

    /// <summary>Gymnasium's <c>step(action)</c>; the action is a value of <see cref="ActionSpace"/>.</summary>
    /// <exception cref="GymServerException">The server refused (<c>invalid_action</c>, <c>reset_needed</c>, ...).</exception>
    /// <exception cref="ArgumentException">The action is not of the action space's .NET type or shape.</exception>
    public async Task<StepResult> StepAsync(object action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        var reply = await _connection.CallAsync(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("step");
            writer.WriteString("instance", Instance);
            writer.WritePropertyName("action");
            ActionSpace.WriteJson(writer, action);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }, cancellationToken).ConfigureAwait(false);
        return new StepResult(
            ObservationSpace.ReadJson(reply.GetProperty("observation")),
            reply.GetProperty("reward").GetDouble(),
            reply.GetProperty("terminated").GetBoolean(),
            reply.GetProperty("truncated").GetBoolean(),
            reply.GetProperty("info"));
    }

    /// <summary>Gymnasium's <c>action_space.sample()</c>, drawn by the server from the env's own generator.</summary>
    public async Task<object> SampleAsync(CancellationToken cancellationToken = default)
    {
        var reply = await _connection.CallAsync(writer => WriteInstanceCommand(writer, "sample", Instance), cancellationToken).ConfigureAwait(false);
        return ActionSpace.ReadJson(reply.GetProperty("sample"));
    }

    /// <summary>Gymnasium's <c>close()</c>. Closing twice does nothing the second time.</summary>
    public async Task CloseAsync(CancellationToken cancellationToken = default)
    {
        if (_closed)
        {
            return;
        }
        await _connection.CallAsync(writer => WriteInstanceCommand(writer, "close", Instance), cancellationToken).ConfigureAwait(false);
        _closed = true;
    }

    /// <summary>Closes the env (see <see cref="CloseAsync"/>).</summary>
    public async ValueTask DisposeAsync() => await CloseAsync().ConfigureAwait(false);

    internal static void WriteInstanceCommand(Utf8JsonWriter writer, string command, string instance)
    {
        writer.WriteStartObject();
        writer.WriteStartObject(command);
        writer.WriteString("instance", instance);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    internal static void WriteSeedAndOptions(Utf8JsonWriter writer, long? seed, JsonObject? options)
    {
        if (seed is { } s)
        {
            writer.WriteNumber("seed", s);
        }
        if (options is not null)
        {
            writer.WritePropertyName("options");
            options.WriteTo(writer);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"RemoteEnv({Id}, {Instance})";
}

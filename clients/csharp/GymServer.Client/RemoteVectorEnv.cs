using System.Text.Json;
using System.Text.Json.Nodes;
using GymServer.Protocol.V2;
using GymServer.Client.Spaces;

namespace GymServer.Client;

/// <summary>
/// A vector env on the server: <see cref="NumEnvs"/> copies of one env, reset and stepped together (Gymnasium's
/// <c>SyncVectorEnv</c> with next-step autoreset). Made by <see cref="GymClient.MakeVecAsync"/>. Steps travel as
/// binary frames when the connection negotiated <see cref="GymEncoding.Binary"/>, else as JSON.
/// </summary>
public sealed partial class RemoteVectorEnv : IAsyncDisposable
{
    private readonly GymConnection _connection;
    private readonly bool _binary;
    private bool _closed;

    internal RemoteVectorEnv(GymConnection connection, JsonElement reply, bool binary)
    {
        _connection = connection;
        _binary = binary;
        Instance = reply.GetProperty(Protocol2Names.Instance).GetString()!;
        Id = reply.GetProperty(Protocol2Names.Id).GetString()!;
        Backend = reply.GetProperty(Protocol2Names.Backend.EncodedUtf8Bytes).GetString()!;
        NumEnvs = reply.GetProperty(Protocol2Names.NumEnvs).GetInt32();
        SingleObservationSpace = Space.Parse(reply.GetProperty(Protocol2Names.SingleObservationSpace.EncodedUtf8Bytes));
        SingleActionSpace = Space.Parse(reply.GetProperty(Protocol2Names.SingleActionSpace.EncodedUtf8Bytes));
    }

    /// <summary>The server's instance id of the vector env.</summary>
    public string Instance { get; }

    /// <summary>The Gymnasium id of every sub-env.</summary>
    public string Id { get; }

    /// <summary>The backend running the sub-envs.</summary>
    public string Backend { get; }

    /// <summary>The number of sub-envs.</summary>
    public int NumEnvs { get; }

    /// <summary>The observation space of one sub-env.</summary>
    public Space SingleObservationSpace { get; }

    /// <summary>The action space of one sub-env.</summary>
    public Space SingleActionSpace { get; }

    /// <summary>Whether steps use the binary encoding.</summary>
    public bool UsesBinaryEncoding => _binary;

    /// <summary>Resets every sub-env; with a seed s, sub-env i gets seed s + i.</summary>
    public async Task<VectorResetResult> ResetAsync(long? seed = null, JsonObject? options = null, CancellationToken cancellationToken = default)
    {
        if (_binary)
        {
            return await ResetBinaryAsync(seed, options, cancellationToken).ConfigureAwait(false);
        }
        var reply = await _connection.CallAsync(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject(Protocol2Names.ResetVec);
            writer.WriteString(Protocol2Names.Instance, Instance);
            RemoteEnv.WriteSeedAndOptions(writer, seed, options);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }, cancellationToken).ConfigureAwait(false);
        return new VectorResetResult(ReadObservations(reply.GetProperty(Protocol2Names.Observations.EncodedUtf8Bytes)), ReadInfos(reply.GetProperty(Protocol2Names.Infos.EncodedUtf8Bytes)));
    }

    /// <summary>Steps every sub-env with its action (exactly <see cref="NumEnvs"/> values of the single action space).</summary>
    /// <exception cref="GymServerException">The server refused (<c>invalid_action</c> naming the bad one, ...).</exception>
    /// <exception cref="ArgumentException">Not one action per sub-env, or an action not of the space's .NET form.</exception>
    public Task<VectorStepResult> StepAsync(IReadOnlyList<object> actions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count != NumEnvs)
        {
            throw new ArgumentException($"{actions.Count} action(s) for {NumEnvs} sub-env(s)", nameof(actions));
        }
        return _binary ? StepBinaryAsync(actions, cancellationToken) : StepJsonAsync(actions, cancellationToken);
    }

    private async Task<VectorStepResult> StepJsonAsync(IReadOnlyList<object> actions, CancellationToken cancellationToken)
    {
        var reply = await _connection.CallAsync(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject(Protocol2Names.StepVec);
            writer.WriteString(Protocol2Names.Instance, Instance);
            writer.WriteStartArray(Protocol2Names.Actions);
            foreach (var action in actions)
            {
                SingleActionSpace.WriteJson(writer, action);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }, cancellationToken).ConfigureAwait(false);
        return new VectorStepResult(
            ReadObservations(reply.GetProperty(Protocol2Names.Observations.EncodedUtf8Bytes)),
            reply.GetProperty(Protocol2Names.Rewards.EncodedUtf8Bytes).EnumerateArray().Select(r => r.GetDouble()).ToArray(),
            reply.GetProperty(Protocol2Names.Terminated.EncodedUtf8Bytes).EnumerateArray().Select(t => t.GetBoolean()).ToArray(),
            reply.GetProperty(Protocol2Names.Truncated.EncodedUtf8Bytes).EnumerateArray().Select(t => t.GetBoolean()).ToArray(),
            ReadInfos(reply.GetProperty(Protocol2Names.Infos.EncodedUtf8Bytes)));
    }

    /// <summary>Closes every sub-env.</summary>
    public async Task CloseAsync(CancellationToken cancellationToken = default)
    {
        if (_closed)
        {
            return;
        }
        await _connection.CallAsync(writer => RemoteEnv.WriteInstanceCommand(writer, Protocol2Names.Close, Instance), cancellationToken).ConfigureAwait(false);
        _closed = true;
    }

    /// <summary>Closes the vector env (see <see cref="CloseAsync"/>).</summary>
    public async ValueTask DisposeAsync() => await CloseAsync().ConfigureAwait(false);

    private object[] ReadObservations(JsonElement observations) =>
        observations.EnumerateArray().Select(SingleObservationSpace.ReadJson).ToArray();

    private static JsonElement[] ReadInfos(JsonElement infos) => infos.EnumerateArray().ToArray();

    /// <inheritdoc />
    public override string ToString() => $"RemoteVectorEnv({Id} x {NumEnvs}, {Instance})";
}

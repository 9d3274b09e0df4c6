using System.Numerics;
using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Engine.Spaces;
using GymServer.Protocol.Values;

namespace GymServer.Engine.Sessions;

/// <summary>
/// An env as a session holds it, wherever it lives: in this process, in a Python worker, on another node.
/// Native envs complete synchronously (a completed ValueTask allocates nothing); remote ones do real I/O.
/// </summary>
public interface IEnvInstance : IAsyncDisposable
{
    /// <summary>The instance id the client sees.</summary>
    string InstanceId { get; }

    /// <summary>Where it runs: "native", "python", ...</summary>
    string Backend { get; }

    EnvSpec Spec { get; }

    Space ObservationSpace { get; }

    Space ActionSpace { get; }

    ValueTask ResetAsync(BigInteger? seed, JsonElement? options, Memory<byte> observation, EnvInfo info, CancellationToken cancellationToken);

    ValueTask<StepResult> StepAsync(ReadOnlyMemory<byte> action, Memory<byte> observation, EnvInfo info, CancellationToken cancellationToken);
}

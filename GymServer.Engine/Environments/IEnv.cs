using System.Numerics;
using System.Text.Json;
using GymServer.Engine.Spaces;
using GymServer.Protocol.Values;

namespace GymServer.Engine.Environments;

/// <summary>
/// An environment stepped in this process. Observations and actions are raw values in their space's layout
/// (see <see cref="Space"/>), written into buffers the caller owns, so a step allocates nothing.
/// </summary>
public interface IEnv : IDisposable
{
    EnvSpec Spec { get; }

    Space ObservationSpace { get; }

    Space ActionSpace { get; }

    /// <summary>Gymnasium's <c>reset(seed, options)</c>. A null seed continues the env's generator.</summary>
    void Reset(BigInteger? seed, JsonElement? options, Span<byte> observation, EnvInfo info);

    /// <summary>Gymnasium's <c>step(action)</c>, with the TimeLimit of the env's registration applied.</summary>
    StepResult Step(ReadOnlySpan<byte> action, Span<byte> observation, EnvInfo info);
}

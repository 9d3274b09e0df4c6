using System.Numerics;
using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Protocol.Values;

namespace GymServer.Engine.Wrappers;

/// <summary>
/// An env that keeps the observation of its last reset or step in a buffer of its own, which an
/// <see cref="ObservationWrapper"/> over it reads in place instead of having it copied into a buffer of the
/// wrapper's (a 210x160 RGB frame is 100 KB a step).
/// </summary>
public interface IHeldObservationEnv : IEnv
{
    /// <summary>The observation of the last reset or step; valid until the next.</summary>
    ReadOnlySpan<byte> HeldObservation { get; }

    /// <summary><see cref="IEnv.Reset"/>, leaving the observation in <see cref="HeldObservation"/>.</summary>
    void Reset(BigInteger? seed, JsonElement? options, EnvInfo info);

    /// <summary><see cref="IEnv.Step"/>, leaving the observation in <see cref="HeldObservation"/>.</summary>
    StepResult Step(ReadOnlySpan<byte> action, EnvInfo info);
}

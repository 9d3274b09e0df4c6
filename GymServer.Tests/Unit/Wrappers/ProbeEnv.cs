using System.Numerics;
using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Engine.Spaces;
using GymServer.Protocol.Values;

namespace GymServer.Tests.Unit.Wrappers;

/// <summary>
/// An env of a given action space for what no native env has (a synthetic Box of any bounds): it keeps the last
/// action a wrapper passed it and whether it was disposed. Its observation is Discrete(1).
/// </summary>
internal sealed class ProbeEnv(Space actionSpace) : IEnv
{
    public EnvSpec Spec { get; } = new("Probe-v0", MaxEpisodeSteps: null, RewardThreshold: null);

    public Space ObservationSpace { get; } = new Discrete(1);

    public Space ActionSpace { get; } = actionSpace;

    public byte[] LastAction { get; private set; } = [];

    public bool Disposed { get; private set; }

    public void Reset(BigInteger? seed, JsonElement? options, Span<byte> observation, EnvInfo info)
    {
        info.Clear();
        Discrete.Write(observation, 0);
    }

    public StepResult Step(ReadOnlySpan<byte> action, Span<byte> observation, EnvInfo info)
    {
        LastAction = action.ToArray();
        info.Clear();
        Discrete.Write(observation, 0);
        return new StepResult(0, false, false);
    }

    public void Dispose() => Disposed = true;
}

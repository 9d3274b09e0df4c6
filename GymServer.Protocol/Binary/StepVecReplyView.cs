using System.Buffers.Binary;

namespace GymServer.Protocol.Binary;

/// <summary>The parts of a 0x81 payload, read in place (see <see cref="StepVecReplyFrame"/>).</summary>
public readonly ref struct StepVecReplyView
{
    private readonly ReadOnlySpan<byte> _payload;

    internal StepVecReplyView(ReadOnlySpan<byte> payload, int count, int observationSize)
    {
        _payload = payload;
        Count = count;
        ObservationSize = observationSize;
    }

    /// <summary>N, the number of sub-envs.</summary>
    public int Count { get; }

    /// <summary>B, the bytes of one observation.</summary>
    public int ObservationSize { get; }

    private int RewardsAt => 8 + (Count * ObservationSize);

    private int FlagsAt => RewardsAt + (Count * 8);

    /// <summary>Sub-env <paramref name="index"/>'s observation, in its space's raw layout.</summary>
    public ReadOnlySpan<byte> Observation(int index) => _payload.Slice(8 + (index * ObservationSize), ObservationSize);

    public double Reward(int index) => BinaryPrimitives.ReadDoubleLittleEndian(_payload[(RewardsAt + (index * 8))..]);

    public bool Terminated(int index) => _payload[FlagsAt + index] != 0;

    public bool Truncated(int index) => _payload[FlagsAt + Count + index] != 0;

    /// <summary>The UTF-8 JSON list of infos, one per sub-env; empty when every info is empty.</summary>
    public ReadOnlySpan<byte> Infos => _payload[(FlagsAt + (2 * Count) + 4)..];
}

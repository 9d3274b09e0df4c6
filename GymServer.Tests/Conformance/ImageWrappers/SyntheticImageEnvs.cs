using System.Numerics;
using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Engine.Spaces;
using GymServer.Protocol.Spaces;
using GymServer.Protocol.Values;

namespace GymServer.Tests.Conformance.ImageWrappers;

/// <summary>
/// The "frames" env of record_image_wrappers.py: uint8 frames of a given shape whose bytes are the top byte of
/// SplitMix64's finaliser over a counter keyed by the episode's seed and the step, a reward of step x 0.25, and
/// terminated after <c>episodeSteps</c> steps. A reset without a seed continues from the previous seed + 1.
/// </summary>
internal sealed class FramesEnv(int[] shape, int episodeSteps) : IEnv
{
    private long _base = -1;
    private int _steps;

    public EnvSpec Spec { get; } = new("Frames-v0", MaxEpisodeSteps: null, RewardThreshold: null);

    public Space ObservationSpace { get; } = new Box(0, 255, shape, DType.UInt8);

    public Space ActionSpace { get; } = new Discrete(6);

    public void Reset(BigInteger? seed, JsonElement? options, Span<byte> observation, EnvInfo info)
    {
        info.Clear();
        _base = seed is { } given ? (long)given : _base + 1;
        _steps = 0;
        Frame(observation);
    }

    public StepResult Step(ReadOnlySpan<byte> action, Span<byte> observation, EnvInfo info)
    {
        info.Clear();
        _steps++;
        Frame(observation);
        return new StepResult(_steps * 0.25, _steps >= episodeSteps, false);
    }

    public void Dispose()
    {
    }

    private void Frame(Span<byte> observation)
    {
        var key = (ulong)(_base * 65536 + _steps) << 32;
        for (var i = 0; i < observation.Length; i++)
        {
            var z = (key + (ulong)i + 1) * 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            observation[i] = (byte)((z ^ (z >> 31)) >> 56);
        }
    }
}

/// <summary>
/// bench/pixels' Atari-shaped env (gymserver_bench_pixels.AtariShapedEnv): a (210, 160, 3) frame filled at reset
/// with <see cref="Fill"/> (the value Gymnasium's generator drew, given by the recording), each step painting row
/// step % 210 with action x 40; reward 1.0 for action 0; terminated after 1000 steps.
/// </summary>
internal sealed class AtariShapedEnv : IEnv
{
    private const int Height = 210;
    private const int Row = 160 * 3;
    private readonly byte[] _frame = new byte[Height * Row];
    private int _steps;

    public EnvSpec Spec { get; } = new("GymServerBench/AtariShaped-v0", MaxEpisodeSteps: null, RewardThreshold: null);

    public Space ObservationSpace { get; } = new Box(0, 255, [Height, 160, 3], DType.UInt8);

    public Space ActionSpace { get; } = new Discrete(6);

    public byte Fill { get; set; }

    public void Reset(BigInteger? seed, JsonElement? options, Span<byte> observation, EnvInfo info)
    {
        info.Clear();
        _frame.AsSpan().Fill(Fill);
        _steps = 0;
        _frame.CopyTo(observation);
    }

    public StepResult Step(ReadOnlySpan<byte> action, Span<byte> observation, EnvInfo info)
    {
        info.Clear();
        var value = BitConverter.ToInt64(action);
        _frame.AsSpan((_steps % Height) * Row, Row).Fill((byte)(value * 40));
        _steps++;
        _frame.CopyTo(observation);
        return new StepResult(value == 0 ? 1.0 : 0.0, _steps >= 1000, false);
    }

    public void Dispose()
    {
    }
}

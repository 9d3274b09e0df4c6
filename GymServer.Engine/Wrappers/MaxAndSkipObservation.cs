using System.Numerics;
using System.Runtime.InteropServices;
using GymServer.Engine.Environments;
using GymServer.Engine.Spaces;
using GymServer.Protocol;
using GymServer.Protocol.Spaces;
using GymServer.Protocol.Values;

namespace GymServer.Engine.Wrappers;

/// <summary>
/// Gymnasium's <c>MaxAndSkipObservation(env, skip=4)</c>: a step repeats the action <c>skip</c> times (fewer when
/// the episode ends), sums the rewards as Python floats and returns the element-wise maximum of the last two
/// observations, with the last step's flags and info. As in Gymnasium the two observations live in a buffer made
/// once (zeros) and never cleared: an episode that ends before its second-to-last repeat is maxed with what the
/// buffer held from earlier. Floats compare as numpy's maximum does: a NaN wins, and of two equal values (0.0 and
/// -0.0) the later. Resets pass through.
/// </summary>
public sealed class MaxAndSkipObservation : EnvWrapper
{
    private readonly int _skip;
    private readonly DType _dtype;
    private readonly byte[] _older;
    private readonly byte[] _newer;
    private readonly byte[] _skipped;

    public MaxAndSkipObservation(IEnv env, int skip)
        : base(env)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(skip, 2);
        _skip = skip;
        _dtype = env.ObservationSpace switch
        {
            Box box => box.DType,
            Discrete or MultiDiscrete => DType.Int64,
            MultiBinary => DType.Int8,
            _ => throw WrapperRequirements.NotApplicable(nameof(MaxAndSkipObservation), "an observation space with a shape (Box, Discrete, MultiDiscrete or MultiBinary)", "observation", env),
        };
        var size = env.ObservationSpace.ByteSize;
        (_older, _newer, _skipped) = (new byte[size], new byte[size], new byte[size]);
        Spec = env.Spec with { IntegerRewards = false };
    }

    public override EnvSpec Spec { get; }

    public static MaxAndSkipObservation Create(IEnv env, EnvKwargs kwargs) => new(env, kwargs.GetInt("skip", 4, minimum: 2));

    public override StepResult Step(ReadOnlySpan<byte> action, Span<byte> observation, EnvInfo info)
    {
        RequireObservationBuffer(observation);
        var total = 0.0;
        StepResult result = default;
        for (var i = 0; i < _skip; i++)
        {
            var frame = i == _skip - 2 ? _older : i == _skip - 1 ? _newer : _skipped;
            result = Env.Step(action, frame, info);
            total += result.Reward;
            if (result.Done)
            {
                break;
            }
        }
        Maximum(_older, _newer, observation);
        return result with { Reward = total, IntegerReward = false };
    }

    private void Maximum(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, Span<byte> maximum)
    {
        switch (_dtype)
        {
            case DType.Float32: Maximum<float>(first, second, maximum); break;
            case DType.Float64: Maximum<double>(first, second, maximum); break;
            case DType.Int8: Maximum<sbyte>(first, second, maximum); break;
            case DType.Int16: Maximum<short>(first, second, maximum); break;
            case DType.Int32: Maximum<int>(first, second, maximum); break;
            case DType.Int64: Maximum<long>(first, second, maximum); break;
            case DType.UInt16: Maximum<ushort>(first, second, maximum); break;
            case DType.UInt32: Maximum<uint>(first, second, maximum); break;
            case DType.UInt64: Maximum<ulong>(first, second, maximum); break;
            case DType.UInt8 or DType.Bool: Maximum<byte>(first, second, maximum); break;
        }
    }

    private static void Maximum<T>(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, Span<byte> maximum)
        where T : unmanaged, INumber<T>
    {
        var a = MemoryMarshal.Cast<byte, T>(first);
        var b = MemoryMarshal.Cast<byte, T>(second);
        var m = MemoryMarshal.Cast<byte, T>(maximum);
        for (var i = 0; i < m.Length; i++)
        {
            m[i] = T.IsNaN(a[i]) || a[i] > b[i] ? a[i] : b[i];
        }
    }
}

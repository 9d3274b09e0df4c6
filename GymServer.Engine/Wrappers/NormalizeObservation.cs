using System.Runtime.InteropServices;
using GymServer.Engine.Environments;
using GymServer.Engine.Spaces;
using GymServer.Protocol.Spaces;

namespace GymServer.Engine.Wrappers;

/// <summary>
/// Gymnasium's <c>NormalizeObservation(env, epsilon=1e-8)</c>: each observation updates running statistics, then is
/// returned as <c>float32((obs - mean) / sqrt(var + epsilon))</c> in a Box(-inf, inf) of the wrapped shape. The
/// statistics are Gymnasium's float32 <c>RunningMeanStd</c> under numpy's promotion rules: a float32 array
/// observation keeps them float32; any other (float64, integers, a 0-d value such as a Discrete's) makes them
/// float64 from the first update on. They carry over from episode to episode, as in Gymnasium.
/// </summary>
/// <remarks>Refused besides, as Gymnasium after 1.4.0 refuses it: an epsilon that is not above zero.</remarks>
public sealed class NormalizeObservation : ObservationWrapper
{
    private readonly Space _inner;
    private readonly RunningMeanStdFloat32? _float32;
    private readonly RunningMeanStd? _float64;
    private readonly double[] _sample;
    private readonly double _epsilon;

    public NormalizeObservation(IEnv env, double epsilon = DefaultEpsilon)
        : base(env, new Box(double.NegativeInfinity, double.PositiveInfinity, ShapeOf(env), DType.Float32))
    {
        if (!(epsilon > 0) || !double.IsFinite(epsilon))
        {
            throw EnvKwargs.Invalid("epsilon", "a finite number above 0");
        }
        _inner = env.ObservationSpace;
        _epsilon = epsilon;
        var shape = ShapeOf(env);
        var size = ((Box)ObservationSpace).Count;
        _sample = new double[size];
        if (_inner is Box { DType: DType.Float32 } && shape.Length > 0)
        {
            _float32 = new RunningMeanStdFloat32(size);
        }
        else
        {
            var first = shape.Length > 0 ? RunningMeanStd.FirstUpdate.Float32Variance
                : _inner is Box { DType: DType.Float32 } ? RunningMeanStd.FirstUpdate.Float32Square
                : RunningMeanStd.FirstUpdate.Float64;
            _float64 = new RunningMeanStd(size, first);
        }
    }

    public const double DefaultEpsilon = 1e-8;

    public static NormalizeObservation Create(IEnv env, EnvKwargs kwargs) =>
        new(env, kwargs.GetDouble("epsilon", DefaultEpsilon));

    protected override void Observe(ReadOnlySpan<byte> inner, Span<byte> observation)
    {
        var output = MemoryMarshal.Cast<byte, float>(observation);
        if (_float32 is not null)
        {
            var sample = MemoryMarshal.Cast<byte, float>(inner);
            _float32.Update(sample);
            var epsilon = (float)_epsilon;
            var mean = _float32.Mean;
            var var = _float32.Var;
            for (var i = 0; i < output.Length; i++)
            {
                output[i] = (sample[i] - mean[i]) / MathF.Sqrt(var[i] + epsilon);
            }
            return;
        }
        ReadSample(inner);
        _float64!.Update(_sample);
        var mean64 = _float64.Mean;
        var var64 = _float64.Var;
        for (var i = 0; i < output.Length; i++)
        {
            output[i] = (float)((_sample[i] - mean64[i]) / Math.Sqrt(var64[i] + _epsilon));
        }
    }

    /// <summary>The observation's elements as float64, as numpy widens them against float64 statistics.</summary>
    private void ReadSample(ReadOnlySpan<byte> inner)
    {
        switch (_inner)
        {
            case Box box:
                for (var i = 0; i < _sample.Length; i++)
                {
                    _sample[i] = Elements.ReadDouble(inner, box.DType, i);
                }
                break;
            case Discrete:
                _sample[0] = Discrete.Read(inner);
                break;
            case MultiDiscrete multi:
                for (var i = 0; i < _sample.Length; i++)
                {
                    _sample[i] = multi.Read(inner, i);
                }
                break;
            case MultiBinary:
                for (var i = 0; i < _sample.Length; i++)
                {
                    _sample[i] = (sbyte)inner[i];
                }
                break;
        }
    }

    /// <summary>The wrapped space's shape; Tuple and Dict have none, and Gymnasium refuses them.</summary>
    private static int[] ShapeOf(IEnv env) => env.ObservationSpace switch
    {
        Box box => box.Shape.ToArray(),
        Discrete => [],
        MultiDiscrete multi => multi.Shape.ToArray(),
        MultiBinary bits => bits.Shape.ToArray(),
        _ => throw WrapperRequirements.NotApplicable(nameof(NormalizeObservation), "an observation space with a shape (Box, Discrete, MultiDiscrete or MultiBinary)", "observation", env),
    };
}

using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using GymServer.Engine.Environments;
using GymServer.Engine.Spaces;
using GymServer.Protocol.Spaces;
using GymServer.Protocol.Values;

namespace GymServer.Benchmarks;

/// <summary>
/// Single-thread step rate of every registered native env, through <see cref="IEnv"/> as the server calls it.
/// Actions come from a pre-drawn table of valid actions; an episode that ends is reset (without a seed) inside
/// the loop, as an agent's loop would, so each figure is steps per second including those resets. Allocation is
/// per step (MemoryDiagnoser divides by <see cref="StepsPerInvoke"/>).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(StepRateConfig))]
public class EnvStepBenchmarks
{
    public const int StepsPerInvoke = 4096;

    private const int ActionCount = 1024;

    private IEnv _env = null!;
    private byte[][] _actions = null!;
    private byte[] _observation = null!;
    private EnvInfo _info = null!;

    [ParamsSource(nameof(EnvIds))]
    public string EnvId { get; set; } = string.Empty;

    public static IEnumerable<string> EnvIds() => NativeEnvironments.CreateRegistry().Ids.Order(StringComparer.Ordinal);

    [GlobalSetup]
    public void Setup()
    {
        _env = NativeEnvironments.CreateRegistry().Make(EnvId);
        _observation = new byte[_env.ObservationSpace.ByteSize];
        _info = new EnvInfo();
        _env.Reset(0, null, _observation, _info);
        _actions = DrawActions(_env.ActionSpace);
    }

    [GlobalCleanup]
    public void Cleanup() => _env.Dispose();

    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public double Step()
    {
        var env = _env;
        var actions = _actions;
        var observation = _observation;
        var info = _info;
        var rewards = 0.0;
        for (var i = 0; i < StepsPerInvoke; i++)
        {
            var result = env.Step(actions[i % ActionCount], observation, info);
            rewards += result.Reward;
            if (result.Terminated || result.Truncated)
            {
                env.Reset(null, null, observation, info);
            }
        }
        return rewards;
    }

    /// <summary>Valid actions drawn with a fixed seed, so every run steps the same trajectories.</summary>
    internal static byte[][] DrawActions(Space space)
    {
        var random = new Random(12345);
        var actions = new byte[ActionCount][];
        for (var i = 0; i < ActionCount; i++)
        {
            actions[i] = new byte[space.ByteSize];
            switch (space)
            {
                case Discrete discrete:
                    Discrete.Write(actions[i], discrete.Start + random.NextInt64(discrete.N));
                    break;
                case Box box:
                    for (var j = 0; j < box.Count; j++)
                    {
                        var value = box.Low[j] + ((box.High[j] - box.Low[j]) * random.NextDouble());
                        Elements.WriteDouble(actions[i], box.DType, j, value);
                    }
                    break;
                default:
                    throw new NotSupportedException($"no action table for {space.TypeName} spaces");
            }
        }
        return actions;
    }

    /// <summary>Adds steps per second (BenchmarkDotNet's Op/s) next to the mean time per step; full env ids.</summary>
    private sealed class StepRateConfig : ManualConfig
    {
        public StepRateConfig()
        {
            AddColumn(StatisticColumn.OperationsPerSecond);
            // Room for the longest id, MountainCarContinuous-v0, which the default width cuts.
            SummaryStyle = SummaryStyle.Default.WithMaxParameterColumnWidth(32);
        }
    }
}

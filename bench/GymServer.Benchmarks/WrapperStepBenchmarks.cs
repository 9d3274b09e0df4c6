using System.Text.Json;
using BenchmarkDotNet.Attributes;
using GymServer.Engine.Environments;
using GymServer.Engine.Wrappers;
using GymServer.Protocol.Values;

namespace GymServer.Benchmarks;

/// <summary>
/// What native wrappers cost per step: for each case, the same env stepped bare (the baseline) and through the
/// case's wrapper list, in the same process, with the same action table and resets as <see cref="EnvStepBenchmarks"/>.
/// The Ratio column is the wrapped step time over the bare one. Cases: CartPole with NormalizeObservation, with
/// FrameStackObservation(4); Pendulum with RescaleAction, ClipAction, NormalizeObservation, NormalizeReward and
/// RecordEpisodeStatistics; FrozenLake with FlattenObservation and FrameStackObservation(4).
/// </summary>
[MemoryDiagnoser]
public class WrapperStepBenchmarks
{
    private const int StepsPerInvoke = EnvStepBenchmarks.StepsPerInvoke;

    private static readonly Dictionary<string, (string EnvId, string Wrappers)> Cases = new()
    {
        ["CartPole NormObs"] = ("CartPole-v1", """[{"name":"NormalizeObservation"}]"""),
        ["CartPole Stack4"] = ("CartPole-v1", """[{"name":"FrameStackObservation","kwargs":{"stack_size":4}}]"""),
        ["Pendulum 5 wrappers"] = ("Pendulum-v1", """
            [{"name":"RescaleAction","kwargs":{"min_action":-1,"max_action":1}},{"name":"ClipAction"},
             {"name":"NormalizeObservation"},{"name":"NormalizeReward"},{"name":"RecordEpisodeStatistics"}]
            """),
        ["FrozenLake FlatStack"] = ("FrozenLake-v1", """[{"name":"FlattenObservation"},{"name":"FrameStackObservation","kwargs":{"stack_size":4}}]"""),
    };

    private IEnv _bare = null!;
    private IEnv _wrapped = null!;
    private byte[][] _actions = null!;
    private byte[] _bareObservation = null!;
    private byte[] _wrappedObservation = null!;
    private EnvInfo _info = null!;

    [ParamsSource(nameof(CaseNames))]
    public string Case { get; set; } = string.Empty;

    public static IEnumerable<string> CaseNames() => Cases.Keys;

    [GlobalSetup]
    public void Setup()
    {
        var (envId, wrappersJson) = Cases[Case];
        var registry = NativeEnvironments.CreateRegistry();
        using var wrappers = JsonDocument.Parse(wrappersJson);
        var list = wrappers.RootElement.EnumerateArray()
            .Select(w => new WrapperSpec(
                w.GetProperty("name").GetString()!,
                w.TryGetProperty("kwargs", out var kwargs) ? kwargs.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()) : null))
            .ToList();
        _bare = registry.Make(envId);
        _wrapped = NativeWrappers.Apply(registry.Make(envId), list);
        _info = new EnvInfo();
        _bareObservation = new byte[_bare.ObservationSpace.ByteSize];
        _wrappedObservation = new byte[_wrapped.ObservationSpace.ByteSize];
        _bare.Reset(0, null, _bareObservation, _info);
        _wrapped.Reset(0, null, _wrappedObservation, _info);
        // The bare env's actions: the wrapped env takes them too (Pendulum's ClipAction clips them to the rescaled [-1, 1]).
        _actions = EnvStepBenchmarks.DrawActions(_bare.ActionSpace);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _bare.Dispose();
        _wrapped.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = StepsPerInvoke)]
    public double Bare() => Run(_bare, _bareObservation);

    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public double Wrapped() => Run(_wrapped, _wrappedObservation);

    private double Run(IEnv env, byte[] observation)
    {
        var actions = _actions;
        var info = _info;
        var rewards = 0.0;
        for (var i = 0; i < StepsPerInvoke; i++)
        {
            var result = env.Step(actions[i % actions.Length], observation, info);
            rewards += result.Reward;
            if (result.Done)
            {
                env.Reset(null, null, observation, info);
            }
        }
        return rewards;
    }
}

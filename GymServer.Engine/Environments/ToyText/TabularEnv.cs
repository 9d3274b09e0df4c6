using System.Text.Json;
using GymServer.Engine.Spaces;
using GymServer.Protocol.Values;

namespace GymServer.Engine.Environments.ToyText;

/// <summary>
/// The shape FrozenLake, CliffWalking and Taxi share in Gymnasium: a table <c>P[s][a]</c> and an initial state
/// distribution, each sampled with one <c>np_random.random()</c> per reset and per step, even where the outcome is
/// certain. Observations are the state as a Discrete; info carries the chosen transition's prob.
/// </summary>
public abstract class TabularEnv : NativeEnv
{
    private readonly TransitionTable _table;
    private readonly double[] _initialCumulative;

    private protected TabularEnv(EnvSpec spec, TransitionTable table, ReadOnlySpan<double> initialDistribution)
        : base(spec, new Discrete(table.StateCount), new Discrete(table.ActionCount))
    {
        _table = table;
        _initialCumulative = Categorical.CumulativeSum(initialDistribution);
    }

    /// <summary>Gymnasium's <c>self.s</c>.</summary>
    public int State { get; private set; }

    /// <summary>Gymnasium's <c>self.lastaction</c>: the last step's action, null after a reset (the renderers use it).</summary>
    internal int? LastAction { get; private set; }

    private protected TransitionTable Table => _table;

    protected sealed override void ResetCore(JsonElement? options, Span<byte> observation, EnvInfo info)
    {
        State = Categorical.FirstAbove(_initialCumulative, NpRandom.Random());
        LastAction = null;
        AfterReset();
        Discrete.Write(observation, State);
        AddResetInfo(info);
    }

    protected sealed override StepResult StepCore(ReadOnlySpan<byte> action, Span<byte> observation, EnvInfo info)
    {
        var chosen = (int)Discrete.Read(action);
        ref readonly var transition = ref _table.Sample(State, chosen, NpRandom.Random());
        State = NextState(State, transition.NextState);
        LastAction = chosen;
        Discrete.Write(observation, State);
        if (transition.ProbabilityIsInteger)
        {
            info.Add("prob", (long)transition.Probability);
        }
        else
        {
            info.Add("prob", transition.Probability);
        }
        AddStepInfo(info);
        return new StepResult(transition.Reward, transition.Terminated, false);
    }

    /// <summary>Draws the env takes after the initial state (Taxi's fickle passenger).</summary>
    protected virtual void AfterReset()
    {
    }

    /// <summary>The state the env moves to, given the sampled one (Taxi's fickle passenger may change it).</summary>
    protected virtual int NextState(int previous, int sampled) => sampled;

    /// <summary>FrozenLake and CliffWalking return <c>{"prob": 1}</c>, a Python int.</summary>
    protected virtual void AddResetInfo(EnvInfo info) => info.Add("prob", 1L);

    /// <summary>Keys a step's info has after "prob".</summary>
    protected virtual void AddStepInfo(EnvInfo info)
    {
    }
}

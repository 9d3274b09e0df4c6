using GymServer.Engine.Rendering;
using GymServer.Engine.Rendering.ToyText;
using GymServer.Protocol.Values;

namespace GymServer.Engine.Environments.ToyText;

/// <summary>
/// Gymnasium's <c>TaxiEnv</c>: drive to the passenger, pick them up, drop them at their destination. Taxi-v4 is
/// Gymnasium 1.4.0's; Taxi-v3 keeps 1.2.2's rules for old clients (see <see cref="TaxiVersion"/>). Options: rain
/// (moves slip sideways, see <see cref="TaxiTransitions"/>) and a fickle passenger (on the first move with the
/// passenger aboard, with a probability drawn at reset, the destination changes). Info carries the transition's
/// prob and the int8 <c>action_mask</c> of the new state.
/// </summary>
public sealed class Taxi : TabularEnv
{
    // Dry transitions are the same in both versions.
    private static readonly Lazy<TransitionTable> DryTable = new(() => TaxiTransitions.Build(new(TaxiVersion.V4)));
    private static readonly Lazy<TransitionTable> RainyV3Table = new(() => TaxiTransitions.Build(new(TaxiVersion.V3, IsRainy: true)));
    private static readonly Lazy<TransitionTable> RainyV4Table = new(() => TaxiTransitions.Build(new(TaxiVersion.V4, IsRainy: true)));
    private static readonly double[] Initial = TaxiModel.InitialDistribution();
    private static readonly sbyte[] Masks = TaxiModel.ActionMasks();

    // Handed to the info by reference and rewritten on each reset and step, so filling the info allocates nothing.
    private readonly sbyte[] _actionMask = new sbyte[TaxiModel.ActionCount];
    private bool _fickleStep;

    public Taxi(EnvSpec spec, TaxiOptions options)
        : base(spec, TableFor(options), Initial)
    {
        Options = options;
        // Gymnasium 1.2.2 draws this in __init__ as well, from the generator it makes unseeded there; 1.3.0 stopped.
        _fickleStep = options.Version == TaxiVersion.V3
            && options.FicklePassenger
            && NpRandom.Random() < options.FickleProbability;
    }

    public TaxiOptions Options { get; }

    public static Taxi CreateV3(EnvSpec spec, EnvKwargs kwargs) => new(spec, TaxiOptions.FromKwargs(kwargs, TaxiVersion.V3));

    public static Taxi CreateV4(EnvSpec spec, EnvKwargs kwargs) => new(spec, TaxiOptions.FromKwargs(kwargs, TaxiVersion.V4));

    protected override void AfterReset() =>
        _fickleStep = Options.FicklePassenger && NpRandom.Random() < Options.FickleProbability;

    protected override int NextState(int previous, int sampled)
    {
        if (!Options.FicklePassenger || !_fickleStep)
        {
            return sampled;
        }
        var (oldRow, oldColumn, oldPassenger, oldDestination) = TaxiModel.Decode(previous);
        var (row, column, passenger, _) = TaxiModel.Decode(sampled);
        if (oldPassenger != TaxiModel.InTaxi || (row == oldRow && column == oldColumn))
        {
            return sampled;
        }
        _fickleStep = false;
        // np_random.choice over the other destinations, in index order.
        Span<int> others = stackalloc int[TaxiModel.Locations.Length - 1];
        for (int index = 0, next = 0; index < TaxiModel.Locations.Length; index++)
        {
            if (index != oldDestination)
            {
                others[next++] = index;
            }
        }
        var destination = NpRandom.Choice<int>(others);
        return TaxiModel.Encode(row, column, passenger, destination);
    }

    protected override void AddResetInfo(EnvInfo info)
    {
        info.Add("prob", 1.0);
        AddActionMask(info);
    }

    protected override void AddStepInfo(EnvInfo info) => AddActionMask(info);

    private void AddActionMask(EnvInfo info)
    {
        Masks.AsSpan(State * TaxiModel.ActionCount, TaxiModel.ActionCount).CopyTo(_actionMask);
        info.Add("action_mask", _actionMask);
    }

    private protected override FrameRenderer CreateRenderer() => new TaxiRenderer(this);

    /// <summary>The dry table and the default rainy ones are shared; a rainy probability of the client's is built anew.</summary>
    private static TransitionTable TableFor(TaxiOptions options) => options switch
    {
        { IsRainy: false } => DryTable.Value,
        { Version: TaxiVersion.V3 } => RainyV3Table.Value,
        { RainyProbability: TaxiOptions.DefaultRainyProbability, RainyProbabilityIsInteger: false } => RainyV4Table.Value,
        _ => TaxiTransitions.Build(options),
    };
}

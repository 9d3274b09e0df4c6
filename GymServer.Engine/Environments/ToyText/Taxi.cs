using GymServer.Engine.Rendering;
using GymServer.Engine.Rendering.ToyText;
using GymServer.Protocol.Values;

namespace GymServer.Engine.Environments.ToyText;

/// <summary>
/// Gymnasium's <c>TaxiEnv</c> (Taxi-v3): drive to the passenger, pick them up, drop them at their destination.
/// Gymnasium 1.2's options: <c>is_rainy</c> (moves slip sideways with probability 0.2) and <c>fickle_passenger</c>
/// (on the first move with the passenger aboard, with probability 0.3 drawn at reset, the destination changes).
/// Info carries the transition's prob and the int8 <c>action_mask</c> of the new state.
/// </summary>
public sealed class Taxi : TabularEnv
{
    public const double FickleProbability = 0.3;

    private static readonly Lazy<TransitionTable> DryTable = new(() => TaxiTransitions.Build(isRainy: false));
    private static readonly Lazy<TransitionTable> RainyTable = new(() => TaxiTransitions.Build(isRainy: true));
    private static readonly double[] Initial = TaxiModel.InitialDistribution();
    private static readonly sbyte[] Masks = TaxiModel.ActionMasks();

    // Handed to the info by reference and rewritten on each reset and step, so filling the info allocates nothing.
    private readonly sbyte[] _actionMask = new sbyte[TaxiModel.ActionCount];
    private bool _fickleStep;

    public Taxi(EnvSpec spec, bool isRainy = false, bool ficklePassenger = false)
        : base(spec, isRainy ? RainyTable.Value : DryTable.Value, Initial)
    {
        IsRainy = isRainy;
        FicklePassenger = ficklePassenger;
        // Gymnasium draws this in __init__ as well, from the generator it makes unseeded there.
        _fickleStep = ficklePassenger && NpRandom.Random() < FickleProbability;
    }

    public bool IsRainy { get; }

    public bool FicklePassenger { get; }

    public static Taxi Create(EnvSpec spec, EnvKwargs kwargs) =>
        new(spec, kwargs.GetBool("is_rainy", false), kwargs.GetBool("fickle_passenger", false));

    protected override void AfterReset() => _fickleStep = FicklePassenger && NpRandom.Random() < FickleProbability;

    protected override int NextState(int previous, int sampled)
    {
        if (!FicklePassenger || !_fickleStep)
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
}

using System.Text.Json;
using GymServer.Engine.Spaces;

namespace GymServer.Engine.Environments.ToyText;

/// <summary>
/// Gymnasium's <c>BlackjackEnv</c> (Blackjack-v1, registered with <c>sab=True</c>): hit (1) or stick (0) against a
/// dealer who draws to 17, cards drawn with replacement from an infinite deck. The observation is the Tuple
/// (player sum, dealer's showing card, usable ace). <c>natural</c> pays 1.5 for a winning natural; <c>sab</c>
/// follows Sutton and Barto (a natural wins unless the dealer has one too) and overrides <c>natural</c>.
/// </summary>
public sealed class Blackjack : NativeEnv
{
    public const int DealerStandsAt = 17;

    // Ace, 2 to 9, then ten, jack, queen and king all worth 10.
    private static readonly int[] Deck = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 10, 10];
    // What Gymnasium draws the shown card's look from: four suits, and J, Q, K for a ten.
    private const int Suits = 4;
    private const int FaceCards = 3;

    private BlackjackHand _player;
    private BlackjackHand _dealer;

    public Blackjack(EnvSpec spec, bool natural = false, bool sab = false)
        : base(spec, new TupleSpace(new Discrete(32), new Discrete(11), new Discrete(2)), new Discrete(2))
    {
        Natural = natural;
        Sab = sab;
    }

    public bool Natural { get; }

    public bool Sab { get; }

    public static Blackjack Create(EnvSpec spec, EnvKwargs kwargs) =>
        new(spec, kwargs.GetBool("natural", false), kwargs.GetBool("sab", true));

    protected override void ResetCore(JsonElement? options, Span<byte> observation, EnvInfo info)
    {
        _dealer.Clear();
        _player.Clear();
        _dealer.Add(DrawCard());
        _dealer.Add(DrawCard());
        _player.Add(DrawCard());
        _player.Add(DrawCard());
        // Gymnasium picks the shown card's suit, and a face for a 10, for rendering only; the draws still count.
        NpRandom.Choice(Suits);
        if (_dealer.FirstCard == 10)
        {
            NpRandom.Choice(FaceCards);
        }
        WriteObservation(observation);
    }

    protected override StepResult StepCore(ReadOnlySpan<byte> action, Span<byte> observation, EnvInfo info)
    {
        double reward;
        bool terminated;
        if (Discrete.Read(action) != 0)
        {
            _player.Add(DrawCard());
            terminated = _player.IsBust;
            reward = terminated ? -1.0 : 0.0;
        }
        else
        {
            terminated = true;
            while (_dealer.Sum < DealerStandsAt)
            {
                _dealer.Add(DrawCard());
            }
            reward = Math.Sign(_player.Score - _dealer.Score);
            if (Sab && _player.IsNatural && !_dealer.IsNatural)
            {
                reward = 1.0;
            }
            else if (!Sab && Natural && _player.IsNatural && reward == 1.0)
            {
                reward = 1.5;
            }
        }
        WriteObservation(observation);
        return new StepResult(reward, terminated, false);
    }

    /// <summary>Gymnasium's <c>draw_card</c>: <c>np_random.choice(deck)</c>.</summary>
    private int DrawCard() => NpRandom.Choice<int>(Deck);

    private void WriteObservation(Span<byte> observation)
    {
        Discrete.Write(observation[..8], _player.Sum);
        Discrete.Write(observation[8..16], _dealer.FirstCard);
        Discrete.Write(observation[16..24], _player.UsableAce ? 1 : 0);
    }
}

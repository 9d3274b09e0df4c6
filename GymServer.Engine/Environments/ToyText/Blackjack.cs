using System.Text.Json;
using GymServer.Engine.Rendering;
using GymServer.Engine.Rendering.ToyText;
using GymServer.Engine.Spaces;
using GymServer.Protocol.Values;

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
    private int _dealerSuit;
    private int _dealerFace;

    public Blackjack(EnvSpec spec, bool natural = false, bool sab = false)
        : base(spec, new TupleSpace(new Discrete(32), new Discrete(11), new Discrete(2)), new Discrete(2))
    {
        Natural = natural;
        Sab = sab;
    }

    public bool Natural { get; }

    public bool Sab { get; }

    /// <summary>What the frame shows: the observation's three values.</summary>
    internal (int PlayerSum, int DealerCard, bool UsableAce) Table => (_player.Sum, _dealer.FirstCard, _player.UsableAce);

    /// <summary>The shown card's suit as Gymnasium drew it: 0 to 3 for clubs, diamonds, hearts, spades.</summary>
    internal int DealerSuit => _dealerSuit;

    /// <summary>For a shown 10, the face Gymnasium drew: 0 to 2 for jack, queen, king; else 0.</summary>
    internal int DealerFace => _dealerFace;

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
        // Gymnasium picks the shown card's suit, and a face for a 10, for rendering; the draws count either way.
        _dealerSuit = (int)NpRandom.Choice(Suits);
        _dealerFace = _dealer.FirstCard == 10 ? (int)NpRandom.Choice(FaceCards) : 0;
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

    private protected override FrameRenderer CreateRenderer() => new BlackjackRenderer(this);
}

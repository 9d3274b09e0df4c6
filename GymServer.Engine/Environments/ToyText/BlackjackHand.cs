namespace GymServer.Engine.Environments.ToyText;

/// <summary>
/// A Blackjack hand, kept as what Gymnasium's rules read from its list of cards: the first card, the count, the sum
/// with aces as 1, and whether there is an ace. A hand that keeps hitting after a bust never grows a list.
/// </summary>
internal struct BlackjackHand
{
    public const int Ace = 1;
    public const int Target = 21;

    public int FirstCard { get; private set; }

    public int Count { get; private set; }

    /// <summary>Gymnasium's <c>sum(hand)</c>: aces counted as 1.</summary>
    public int RawSum { get; private set; }

    public bool HasAce { get; private set; }

    /// <summary>Gymnasium's <c>usable_ace</c>: an ace that can count as 11 without busting.</summary>
    public readonly bool UsableAce => HasAce && RawSum + 10 <= Target;

    /// <summary>Gymnasium's <c>sum_hand</c>.</summary>
    public readonly int Sum => UsableAce ? RawSum + 10 : RawSum;

    public readonly bool IsBust => Sum > Target;

    /// <summary>Gymnasium's <c>score</c>: the sum, or 0 when bust.</summary>
    public readonly int Score => IsBust ? 0 : Sum;

    /// <summary>Gymnasium's <c>is_natural</c>: exactly an ace and a ten-valued card.</summary>
    public readonly bool IsNatural => Count == 2 && HasAce && RawSum == Ace + 10;

    public void Clear() => this = default;

    public void Add(int card)
    {
        if (Count == 0)
        {
            FirstCard = card;
        }
        Count++;
        RawSum += card;
        HasAce |= card == Ace;
    }
}

namespace GymServer.Engine.Environments.ToyText;

/// <summary>
/// Taxi's world, as Gymnasium's <c>TaxiEnv</c> builds it: the 5 x 5 map with its walls, the four stands
/// (R, G, Y, B), the state encoding, the transition table (dry or rainy) and the action masks.
/// </summary>
internal static class TaxiModel
{
    public const int Size = 5;
    public const int StateCount = 500;
    public const int ActionCount = 6;
    public const int InTaxi = 4;
    public const int StepReward = -1;
    public const int IllegalActionReward = -10;
    public const int DeliveryReward = 20;

    /// <summary>Gymnasium's <c>MAP</c>: a ':' between two cells lets the taxi pass, a '|' is a wall.</summary>
    public static readonly string[] Map =
    [
        "+---------+",
        "|R: | : :G|",
        "| : | : : |",
        "| : : : : |",
        "| | : | : |",
        "|Y| : |B: |",
        "+---------+",
    ];

    /// <summary>The stands R, G, Y, B as (row, column).</summary>
    public static readonly (int Row, int Column)[] Locations = [(0, 0), (0, 4), (4, 0), (4, 3)];

    public static int Encode(int row, int column, int passenger, int destination) =>
        (((((row * Size) + column) * 5) + passenger) * 4) + destination;

    public static (int Row, int Column, int Passenger, int Destination) Decode(int state) =>
        (state / 100, state / 20 % 5, state / 4 % 5, state % 4);

    /// <summary>Gymnasium's <c>desc[1 + row, 2 * column + offset] == b":"</c>.</summary>
    public static bool Open(int row, int column, int offset) => Map[1 + row][(2 * column) + offset] == ':';

    /// <summary>Starts are uniform over the 300 states with the passenger at a stand that is not the destination.</summary>
    public static double[] InitialDistribution()
    {
        var distribution = new double[StateCount];
        var count = 0;
        for (var state = 0; state < StateCount; state++)
        {
            var (_, _, passenger, destination) = Decode(state);
            if (passenger < InTaxi && passenger != destination)
            {
                distribution[state] = 1.0;
                count++;
            }
        }
        for (var state = 0; state < StateCount; state++)
        {
            distribution[state] /= count;
        }
        return distribution;
    }

    /// <summary>Gymnasium's <c>action_mask(state)</c>, for every state: 1 where the action changes the state.</summary>
    public static sbyte[] ActionMasks()
    {
        var masks = new sbyte[StateCount * ActionCount];
        for (var state = 0; state < StateCount; state++)
        {
            var (row, column, passenger, destination) = Decode(state);
            var mask = masks.AsSpan(state * ActionCount, ActionCount);
            mask[0] = Flag(row < Size - 1);
            mask[1] = Flag(row > 0);
            mask[2] = Flag(column < Size - 1 && Open(row, column, 2));
            mask[3] = Flag(column > 0 && Open(row, column, 0));
            mask[4] = Flag(passenger < InTaxi && Locations[passenger] == (row, column));
            mask[5] = Flag(passenger == InTaxi && (Locations[destination] == (row, column) || StandAt(row, column) >= 0));
        }
        return masks;
    }

    /// <summary>The index of the stand at (row, column), or -1.</summary>
    public static int StandAt(int row, int column) => Array.IndexOf(Locations, (row, column));

    private static sbyte Flag(bool value) => value ? (sbyte)1 : (sbyte)0;
}

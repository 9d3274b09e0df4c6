namespace GymServer.Engine.Environments.ToyText;

/// <summary>
/// Gymnasium's <c>CliffWalkingEnv</c> (CliffWalking-v1): a 4 x 12 grid from (3, 0) to (3, 11) with a cliff between.
/// Every step costs -1; the cliff costs -100 and sends the walker back to the start without ending the episode.
/// With <c>is_slippery</c> the walker goes the intended way or either perpendicular one, each with probability 1/3.
/// </summary>
public sealed class CliffWalking : TabularEnv
{
    public const int Rows = 4;
    public const int Columns = 12;
    public const int StartState = 3 * Columns;
    public const int StepReward = -1;
    public const int CliffReward = -100;

    // Actions are 0 up, 1 right, 2 down, 3 left: the (row, column) step of each.
    private static readonly (int Row, int Column)[] Moves = [(-1, 0), (0, 1), (1, 0), (0, -1)];

    private static readonly Lazy<TransitionTable> SureFootedTable = new(() => BuildTable(isSlippery: false));
    private static readonly Lazy<TransitionTable> SlipperyTable = new(() => BuildTable(isSlippery: true));

    public CliffWalking(EnvSpec spec, bool isSlippery = false)
        : base(spec, isSlippery ? SlipperyTable.Value : SureFootedTable.Value, InitialDistribution())
    {
        IsSlippery = isSlippery;
    }

    public bool IsSlippery { get; }

    public static CliffWalking Create(EnvSpec spec, EnvKwargs kwargs, bool defaultSlippery) =>
        new(spec, kwargs.GetBool("is_slippery", defaultSlippery));

    private static double[] InitialDistribution()
    {
        var distribution = new double[Rows * Columns];
        distribution[StartState] = 1.0;
        return distribution;
    }

    private static TransitionTable BuildTable(bool isSlippery)
    {
        var builder = new TransitionTable.Builder(Rows * Columns, Moves.Length);
        // Gymnasium writes 1 / len(deltas): 1.0 or 0.3333333333333333, a float either way.
        var probability = isSlippery ? 1.0 / 3 : 1.0;
        for (var state = 0; state < Rows * Columns; state++)
        {
            var row = state / Columns;
            var column = state % Columns;
            for (var action = 0; action < Moves.Length; action++)
            {
                if (isSlippery)
                {
                    // The order Gymnasium lists them in, which fixes the cumulative sums: left turn, intended, right turn.
                    builder.Add(state, action, Outcome(row, column, (action + 3) % 4, probability));
                    builder.Add(state, action, Outcome(row, column, action, probability));
                    builder.Add(state, action, Outcome(row, column, (action + 1) % 4, probability));
                }
                else
                {
                    builder.Add(state, action, Outcome(row, column, action, probability));
                }
            }
        }
        return builder.Build();
    }

    private static Transition Outcome(int row, int column, int move, double probability)
    {
        var newRow = Math.Clamp(row + Moves[move].Row, 0, Rows - 1);
        var newColumn = Math.Clamp(column + Moves[move].Column, 0, Columns - 1);
        var isCliff = newRow == Rows - 1 && newColumn > 0 && newColumn < Columns - 1;
        if (isCliff)
        {
            return new Transition(probability, StartState, CliffReward, false);
        }
        var isGoal = newRow == Rows - 1 && newColumn == Columns - 1;
        return new Transition(probability, (newRow * Columns) + newColumn, StepReward, isGoal);
    }
}

namespace GymServer.Engine.Environments.ToyText;

/// <summary>
/// Gymnasium's <c>FrozenLakeEnv</c> (FrozenLake-v1, FrozenLake8x8-v1): walk from S to G over frozen tiles without
/// falling into a hole. On slippery ice the walker goes the intended way with probability <c>success_rate</c> and
/// each perpendicular way with half the rest. Reaching G or H ends the episode.
/// </summary>
public sealed class FrozenLake : TabularEnv
{
    // Actions are 0 left, 1 down, 2 right, 3 up: the (row, column) step of each.
    private static readonly (int Row, int Column)[] Moves = [(0, -1), (1, 0), (0, 1), (-1, 0)];

    public FrozenLake(EnvSpec spec, FrozenLakeOptions options)
        : base(spec, BuildTable(options), InitialDistribution(options.Map))
    {
        Options = options;
    }

    public FrozenLakeOptions Options { get; }

    public FrozenLakeMap Map => Options.Map;

    public static FrozenLake Create(EnvSpec spec, EnvKwargs kwargs, string defaultMapName)
    {
        var options = FrozenLakeOptions.FromKwargs(kwargs, defaultMapName);
        return new FrozenLake(spec with { IntegerRewards = options.RewardsAreIntegers }, options);
    }

    /// <summary>Uniform over the start tiles: 1.0 / count at each S, as Gymnasium normalises it.</summary>
    private static double[] InitialDistribution(FrozenLakeMap map)
    {
        var distribution = new double[map.Rows * map.Columns];
        var starts = 0;
        for (var state = 0; state < distribution.Length; state++)
        {
            if (map[state / map.Columns, state % map.Columns] == 'S')
            {
                distribution[state] = 1.0;
                starts++;
            }
        }
        for (var state = 0; state < distribution.Length; state++)
        {
            distribution[state] /= starts;
        }
        return distribution;
    }

    private static TransitionTable BuildTable(FrozenLakeOptions options)
    {
        var map = options.Map;
        var builder = new TransitionTable.Builder(map.Rows * map.Columns, Moves.Length);
        var failRate = (1.0 - options.SuccessRate) / 2.0;
        for (var row = 0; row < map.Rows; row++)
        {
            for (var column = 0; column < map.Columns; column++)
            {
                var state = (row * map.Columns) + column;
                for (var action = 0; action < Moves.Length; action++)
                {
                    if (map[row, column] is 'G' or 'H')
                    {
                        // Gymnasium's absorbing entry: prob 1.0, the same state, reward 0, terminated.
                        builder.Add(state, action, new Transition(1.0, state, 0, true));
                    }
                    else if (options.IsSlippery)
                    {
                        // Gymnasium's order, which fixes the cumulative sums: turned left, intended, turned right.
                        builder.Add(state, action, Outcome(options, row, column, (action + 3) % 4, failRate, false));
                        builder.Add(state, action, Outcome(options, row, column, action, options.SuccessRate, options.SuccessRateIsInteger));
                        builder.Add(state, action, Outcome(options, row, column, (action + 1) % 4, failRate, false));
                    }
                    else
                    {
                        builder.Add(state, action, Outcome(options, row, column, action, 1.0, false));
                    }
                }
            }
        }
        return builder.Build();
    }

    private static Transition Outcome(FrozenLakeOptions options, int row, int column, int move, double probability, bool probabilityIsInteger)
    {
        var map = options.Map;
        var newRow = Math.Clamp(row + Moves[move].Row, 0, map.Rows - 1);
        var newColumn = Math.Clamp(column + Moves[move].Column, 0, map.Columns - 1);
        var tile = map[newRow, newColumn];
        var reward = tile switch
        {
            'G' => options.GoalReward,
            'H' => options.HoleReward,
            _ => options.FrozenReward,
        };
        return new Transition(probability, (newRow * map.Columns) + newColumn, reward, tile is 'G' or 'H', probabilityIsInteger);
    }
}

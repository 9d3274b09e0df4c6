namespace GymServer.Engine.Environments.ToyText;

/// <summary>
/// Taxi's <c>P[s][a]</c>, built as Gymnasium's <c>_build_dry_transitions</c> and <c>_build_rainy_transitions</c> do.
/// In the rain a move goes as intended with the rainy probability and to either side with half the rest. The two
/// versions differ in the rain only: Taxi-v3 (1.2.2) always slips on a north or south move, even into the edge, and
/// checks the sideways steps against the map with its column offsets; Taxi-v4 (1.3.0 on) slips only when the
/// intended move is possible, names the sides by the heading, and checks only east and west steps for walls.
/// </summary>
internal static class TaxiTransitions
{
    // Taxi-v3's rain, as 1.2.2 writes it: two literals, where v4 computes (1.0 - 0.8) / 2.0 = 0.09999999999999998.
    private const double V3Intended = 0.8;
    private const double V3Sideways = 0.1;

    // Per move action (0 south, 1 north, 2 east, 3 west): the intended step, then the two sideways steps.
    private static readonly (int Row, int Column)[][] V3Moves =
    [
        [(1, 0), (0, -1), (0, 1)],
        [(-1, 0), (0, -1), (0, 1)],
        [(0, 1), (1, 0), (-1, 0)],
        [(0, -1), (1, 0), (-1, 0)],
    ];

    // Taxi-v4's: left and right of the heading (south: east then west; north: west then east; ...).
    private static readonly (int Row, int Column)[][] V4Moves =
    [
        [(1, 0), (0, 1), (0, -1)],
        [(-1, 0), (0, -1), (0, 1)],
        [(0, 1), (-1, 0), (1, 0)],
        [(0, -1), (1, 0), (-1, 0)],
    ];

    public static TransitionTable Build(TaxiOptions options)
    {
        var builder = new TransitionTable.Builder(TaxiModel.StateCount, TaxiModel.ActionCount);
        for (var state = 0; state < TaxiModel.StateCount; state++)
        {
            for (var action = 0; action < TaxiModel.ActionCount; action++)
            {
                if (!options.IsRainy || action >= 4)
                {
                    // Pickup and dropoff are certain in the rain too.
                    AddDry(builder, state, action);
                }
                else if (options.Version == TaxiVersion.V3)
                {
                    AddRainyV3(builder, state, action);
                }
                else
                {
                    AddRainyV4(builder, state, action, options);
                }
            }
        }
        return builder.Build();
    }

    private static void AddDry(TransitionTable.Builder builder, int state, int action)
    {
        var (row, column, passenger, destination) = TaxiModel.Decode(state);
        var (newRow, newColumn, newPassenger, reward, terminated) = (row, column, passenger, TaxiModel.StepReward, false);
        switch (action)
        {
            case 0:
                newRow = Math.Min(row + 1, TaxiModel.Size - 1);
                break;
            case 1:
                newRow = Math.Max(row - 1, 0);
                break;
            case 2 when TaxiModel.Open(row, column, 2):
                newColumn = Math.Min(column + 1, TaxiModel.Size - 1);
                break;
            case 3 when TaxiModel.Open(row, column, 0):
                newColumn = Math.Max(column - 1, 0);
                break;
            case 4:
                (newPassenger, reward, terminated) = Pickup(row, column, passenger);
                break;
            case 5:
                (newPassenger, reward, terminated) = Dropoff(row, column, passenger, destination);
                break;
            default:
                break;
        }
        builder.Add(state, action, new Transition(1.0, TaxiModel.Encode(newRow, newColumn, newPassenger, destination), reward, terminated));
    }

    private static void AddRainyV3(TransitionTable.Builder builder, int state, int action)
    {
        var (row, column, _, _) = TaxiModel.Decode(state);
        var (intended, left, right) = ((row, column), (row, column), (row, column));
        var canMove = action is 0 or 1
            || (action == 2 && TaxiModel.Open(row, column, 2))
            || (action == 3 && TaxiModel.Open(row, column, 0));
        if (canMove)
        {
            var moves = V3Moves[action];
            intended = (Clamp(row + moves[0].Row), Clamp(column + moves[0].Column));
            left = SidewaysV3(row, column, moves[1], offset: 2);
            right = SidewaysV3(row, column, moves[2], offset: 0);
        }
        AddMoves(builder, state, action, (V3Intended, false, V3Sideways), intended, left, right);
    }

    private static void AddRainyV4(TransitionTable.Builder builder, int state, int action, TaxiOptions options)
    {
        var (row, column, _, _) = TaxiModel.Decode(state);
        var (intended, left, right) = ((row, column), (row, column), (row, column));
        var canMove = (action == 0 && row < TaxiModel.Size - 1)
            || (action == 1 && row > 0)
            || (action == 2 && TaxiModel.Open(row, column, 2))
            || (action == 3 && TaxiModel.Open(row, column, 0));
        if (canMove)
        {
            var moves = V4Moves[action];
            intended = (Clamp(row + moves[0].Row), Clamp(column + moves[0].Column));
            left = SidewaysV4(row, column, moves[1]);
            right = SidewaysV4(row, column, moves[2]);
        }
        var probabilities = (options.RainyProbability, options.RainyProbabilityIsInteger, options.SidewaysProbability);
        AddMoves(builder, state, action, probabilities, intended, left, right);
    }

    /// <summary>The intended move, then left, then right: the order Gymnasium appends them (and so samples them).</summary>
    private static void AddMoves(
        TransitionTable.Builder builder,
        int state,
        int action,
        (double Intended, bool IntendedIsInteger, double Sideways) probability,
        (int Row, int Column) intended,
        (int Row, int Column) left,
        (int Row, int Column) right)
    {
        var (_, _, passenger, destination) = TaxiModel.Decode(state);
        builder.Add(state, action, new Transition(probability.Intended, TaxiModel.Encode(intended.Row, intended.Column, passenger, destination),
            TaxiModel.StepReward, false, probability.IntendedIsInteger));
        builder.Add(state, action, new Transition(probability.Sideways, TaxiModel.Encode(left.Row, left.Column, passenger, destination),
            TaxiModel.StepReward, false));
        builder.Add(state, action, new Transition(probability.Sideways, TaxiModel.Encode(right.Row, right.Column, passenger, destination),
            TaxiModel.StepReward, false));
    }

    /// <summary>1.2.2's <c>_calc_new_position</c>: the step if the map is open at the new cell's offset, else stay.</summary>
    private static (int, int) SidewaysV3(int row, int column, (int Row, int Column) move, int offset)
    {
        var (newRow, newColumn) = (Clamp(row + move.Row), Clamp(column + move.Column));
        return TaxiModel.Open(newRow, newColumn, offset) ? (newRow, newColumn) : (row, column);
    }

    /// <summary>
    /// 1.4.0's <c>_calc_new_position</c>: an east step is blocked by a wall on the new cell's west side, a west step
    /// by one on its east side; north and south steps are only kept inside the grid.
    /// </summary>
    private static (int, int) SidewaysV4(int row, int column, (int Row, int Column) move)
    {
        var (newRow, newColumn) = (Clamp(row + move.Row), Clamp(column + move.Column));
        var blocked = (move.Column == 1 && !TaxiModel.Open(newRow, newColumn, 0))
            || (move.Column == -1 && !TaxiModel.Open(newRow, newColumn, 2));
        return blocked ? (row, column) : (newRow, newColumn);
    }

    private static (int Passenger, int Reward, bool Terminated) Pickup(int row, int column, int passenger) =>
        passenger < TaxiModel.InTaxi && TaxiModel.Locations[passenger] == (row, column)
            ? (TaxiModel.InTaxi, TaxiModel.StepReward, false)
            : (passenger, TaxiModel.IllegalActionReward, false);

    private static (int Passenger, int Reward, bool Terminated) Dropoff(int row, int column, int passenger, int destination)
    {
        if (passenger == TaxiModel.InTaxi && TaxiModel.Locations[destination] == (row, column))
        {
            return (destination, TaxiModel.DeliveryReward, true);
        }
        var stand = TaxiModel.StandAt(row, column);
        return passenger == TaxiModel.InTaxi && stand >= 0
            ? (stand, TaxiModel.StepReward, false)
            : (passenger, TaxiModel.IllegalActionReward, false);
    }

    private static int Clamp(int value) => Math.Clamp(value, 0, TaxiModel.Size - 1);
}

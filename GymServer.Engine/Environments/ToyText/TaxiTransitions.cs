namespace GymServer.Engine.Environments.ToyText;

/// <summary>
/// Taxi's <c>P[s][a]</c>, built as Gymnasium's <c>_build_dry_transitions</c> and <c>_build_rainy_transitions</c> do,
/// quirks included: in the rain a move goes as intended with probability 0.8 and to either side with 0.1, where the
/// side moves check the wall with the column offsets Gymnasium uses.
/// </summary>
internal static class TaxiTransitions
{
    private const double RainIntended = 0.8;
    private const double RainSideways = 0.1;

    // Per move action (0 south, 1 north, 2 east, 3 west): the intended step, then the two sideways steps.
    private static readonly (int Row, int Column)[][] RainMoves =
    [
        [(1, 0), (0, -1), (0, 1)],
        [(-1, 0), (0, -1), (0, 1)],
        [(0, 1), (1, 0), (-1, 0)],
        [(0, -1), (1, 0), (-1, 0)],
    ];

    public static TransitionTable Build(bool isRainy)
    {
        var builder = new TransitionTable.Builder(TaxiModel.StateCount, TaxiModel.ActionCount);
        for (var state = 0; state < TaxiModel.StateCount; state++)
        {
            var (row, column, passenger, destination) = TaxiModel.Decode(state);
            for (var action = 0; action < TaxiModel.ActionCount; action++)
            {
                if (isRainy)
                {
                    AddRainy(builder, state, action, row, column, passenger, destination);
                }
                else
                {
                    AddDry(builder, state, action, row, column, passenger, destination);
                }
            }
        }
        return builder.Build();
    }

    private static void AddDry(TransitionTable.Builder builder, int state, int action, int row, int column, int passenger, int destination)
    {
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

    private static void AddRainy(TransitionTable.Builder builder, int state, int action, int row, int column, int passenger, int destination)
    {
        if (action >= 4)
        {
            var (newPassenger, reward, terminated) = action == 4
                ? Pickup(row, column, passenger)
                : Dropoff(row, column, passenger, destination);
            builder.Add(state, action, new Transition(1.0, TaxiModel.Encode(row, column, newPassenger, destination), reward, terminated));
            return;
        }
        var (intended, left, right) = ((row, column), (row, column), (row, column));
        var canMove = action is 0 or 1
            || (action == 2 && TaxiModel.Open(row, column, 2))
            || (action == 3 && TaxiModel.Open(row, column, 0));
        if (canMove)
        {
            var moves = RainMoves[action];
            intended = (Clamp(row + moves[0].Row), Clamp(column + moves[0].Column));
            left = Sideways(row, column, moves[1], offset: 2);
            right = Sideways(row, column, moves[2], offset: 0);
        }
        builder.Add(state, action, new Transition(RainIntended, TaxiModel.Encode(intended.Item1, intended.Item2, passenger, destination), TaxiModel.StepReward, false));
        builder.Add(state, action, new Transition(RainSideways, TaxiModel.Encode(left.Item1, left.Item2, passenger, destination), TaxiModel.StepReward, false));
        builder.Add(state, action, new Transition(RainSideways, TaxiModel.Encode(right.Item1, right.Item2, passenger, destination), TaxiModel.StepReward, false));
    }

    /// <summary>Gymnasium's <c>_calc_new_position</c>: the step if the map is open at the new cell's offset, else stay.</summary>
    private static (int, int) Sideways(int row, int column, (int Row, int Column) move, int offset)
    {
        var (newRow, newColumn) = (Clamp(row + move.Row), Clamp(column + move.Column));
        return TaxiModel.Open(newRow, newColumn, offset) ? (newRow, newColumn) : (row, column);
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

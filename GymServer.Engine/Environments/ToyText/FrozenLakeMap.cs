using GymServer.Engine.Random;
using GymServer.Protocol;

namespace GymServer.Engine.Environments.ToyText;

/// <summary>
/// A FrozenLake board, Gymnasium's <c>desc</c>: rows of equal length made of S (start), F (frozen), H (hole) and
/// G (goal). Gymnasium takes any letter and fails late (or samples NaN) on a board with no start; here such a board
/// is refused up front with a message that says what is wrong.
/// </summary>
public sealed class FrozenLakeMap
{
    /// <summary>A bound on the board so its transition table stays a few megabytes.</summary>
    public const int MaxCells = 256 * 256;

    /// <summary>Gymnasium's <c>MAPS</c>.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Named = new Dictionary<string, string[]>
    {
        ["4x4"] = ["SFFF", "FHFH", "FFFH", "HFFG"],
        ["8x8"] = ["SFFFFFFF", "FFFFFFFF", "FFFHFFFF", "FFFFFHFF", "FFFHFFFF", "FHHFFFHF", "FHFFHFHF", "FFFHFFFG"],
    };

    private const string Tiles = "SFHG";

    private readonly string[] _rows;

    private FrozenLakeMap(string[] rows)
    {
        _rows = rows;
    }

    public int Rows => _rows.Length;

    public int Columns => _rows[0].Length;

    public IReadOnlyList<string> RowsText => _rows;

    public char this[int row, int column] => _rows[row][column];

    /// <summary>Checks a custom board and throws invalid_argument naming the first fault.</summary>
    public static FrozenLakeMap Parse(IReadOnlyList<string> rows)
    {
        if (rows.Count == 0 || rows[0].Length == 0)
        {
            throw Invalid("desc must have at least one row and one column");
        }
        var columns = rows[0].Length;
        for (var row = 0; row < rows.Count; row++)
        {
            if (rows[row].Length != columns)
            {
                throw Invalid($"desc rows must all have the same length: row 0 has {columns} tiles, row {row} has {rows[row].Length}");
            }
            var bad = rows[row].AsSpan().IndexOfAnyExcept(Tiles);
            if (bad >= 0)
            {
                throw Invalid($"desc row {row} has '{rows[row][bad]}' at column {bad}; tiles are S (start), F (frozen), H (hole), G (goal)");
            }
        }
        if ((long)rows.Count * columns > MaxCells)
        {
            throw Invalid($"desc has {rows.Count} x {columns} tiles; at most {MaxCells} are allowed");
        }
        if (!rows.Any(row => row.Contains('S')))
        {
            throw Invalid("desc has no start tile 'S'");
        }
        return new FrozenLakeMap([.. rows]);
    }

    public static FrozenLakeMap FromName(string name) =>
        Named.TryGetValue(name, out var rows)
            ? new FrozenLakeMap(rows)
            : throw Invalid($"unknown map_name '{name}'; known maps are {string.Join(", ", Named.Keys)} (or pass desc)");

    /// <summary>
    /// Gymnasium's <c>generate_random_map(size, p)</c>: each tile frozen with probability p, drawn as numpy's
    /// <c>choice(["F", "H"], (size, size), p=[p, 1 - p])</c> does, redrawn until a path joins start and goal.
    /// </summary>
    public static FrozenLakeMap GenerateRandom(NumpyGenerator random, int size = 8, double frozenProbability = 0.8)
    {
        var frozen = Math.Min(1.0, frozenProbability);
        // choice's cdf: cumsum of [p, 1 - p], then divided by its last entry.
        var total = frozen + (1.0 - frozen);
        var frozenBound = frozen / total;
        var board = new char[size][];
        while (true)
        {
            for (var row = 0; row < size; row++)
            {
                board[row] = new char[size];
                for (var column = 0; column < size; column++)
                {
                    // searchsorted(side="right"): the hole once the draw reaches the frozen bound.
                    board[row][column] = random.Random() < frozenBound ? 'F' : 'H';
                }
            }
            board[0][0] = 'S';
            board[size - 1][size - 1] = 'G';
            var rows = board.Select(chars => new string(chars)).ToArray();
            if (GoalReachable(rows))
            {
                return new FrozenLakeMap(rows);
            }
        }
    }

    /// <summary>Gymnasium's <c>is_valid</c>: a walk from (0, 0) over non-hole tiles reaches a goal.</summary>
    public static bool GoalReachable(IReadOnlyList<string> rows)
    {
        var rowCount = rows.Count;
        var columnCount = rows[0].Length;
        var seen = new bool[rowCount, columnCount];
        var frontier = new Stack<(int Row, int Column)>();
        frontier.Push((0, 0));
        ReadOnlySpan<(int Row, int Column)> directions = [(1, 0), (0, 1), (-1, 0), (0, -1)];
        while (frontier.Count > 0)
        {
            var (row, column) = frontier.Pop();
            if (seen[row, column])
            {
                continue;
            }
            seen[row, column] = true;
            foreach (var (dr, dc) in directions)
            {
                var (r, c) = (row + dr, column + dc);
                if (r < 0 || r >= rowCount || c < 0 || c >= columnCount)
                {
                    continue;
                }
                if (rows[r][c] == 'G')
                {
                    return true;
                }
                if (rows[r][c] != 'H')
                {
                    frontier.Push((r, c));
                }
            }
        }
        return false;
    }

    private static EnvException Invalid(string message) => new(EnvErrorCodes.InvalidArgument, message);
}

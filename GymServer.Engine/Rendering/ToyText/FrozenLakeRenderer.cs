using GymServer.Engine.Environments.ToyText;
using SkiaSharp;

namespace GymServer.Engine.Rendering.ToyText;

/// <summary>
/// FrozenLake's frame laid out as Gymnasium lays it out: 64 pixels a cell up to 512 pixels a side, ice everywhere,
/// holes, the gift at G and the stool at S over it, a thin blue-grey line round each cell, and the elf facing the
/// way it last moved (down before the first step), or broken ice if it fell into a hole.
/// </summary>
internal sealed class FrozenLakeRenderer(FrozenLake env) : FrameRenderer(SizeFor(env.Map), flipVertically: false)
{
    private const int CellPixels = 64;
    private const int MaxSide = 512;

    private static readonly SKColor Uncovered = new(0, 0, 0);
    private static readonly SKColor GridLine = new(180, 200, 230);

    /// <summary>Gymnasium's <c>window_size</c>: (min(64 * ncol, 512), min(64 * nrow, 512)).</summary>
    public static FrameShape SizeFor(FrozenLakeMap map) =>
        new(Height: Math.Min(CellPixels * map.Rows, MaxSide), Width: Math.Min(CellPixels * map.Columns, MaxSide));

    protected override bool HasBackground => true;

    /// <summary>The board: ice, holes, gift and stool, and the grid lines.</summary>
    protected override void DrawBackground(FrameCanvas canvas)
    {
        var map = env.Map;
        var (cellWidth, cellHeight) = CellSize(canvas, map);
        canvas.Clear(Uncovered);
        for (var row = 0; row < map.Rows; row++)
        {
            for (var column = 0; column < map.Columns; column++)
            {
                var x = column * cellWidth;
                var y = row * cellHeight;
                LakeTiles.DrawIce(canvas, x, y, cellWidth, cellHeight);
                switch (map[row, column])
                {
                    case 'H':
                        LakeTiles.DrawHole(canvas, x, y, cellWidth, cellHeight);
                        break;
                    case 'G':
                        LakeTiles.DrawGift(canvas, x, y, cellWidth, cellHeight);
                        break;
                    case 'S':
                        LakeTiles.DrawStool(canvas, x, y, cellWidth, cellHeight);
                        break;
                }
                canvas.OutlinePixels(x, y, cellWidth, cellHeight, GridLine);
            }
        }
    }

    protected override void Draw(FrameCanvas canvas)
    {
        var map = env.Map;
        var (cellWidth, cellHeight) = CellSize(canvas, map);
        var walkerRow = env.State / map.Columns;
        var walkerColumn = env.State % map.Columns;
        var left = walkerColumn * cellWidth;
        var top = walkerRow * cellHeight;
        if (map[walkerRow, walkerColumn] == 'H')
        {
            LakeTiles.DrawCrackedHole(canvas, left, top, cellWidth, cellHeight);
        }
        else
        {
            // FrozenLake's actions are 0 left, 1 down, 2 right, 3 up: the order of Facing.
            var facing = (Facing)(env.LastAction ?? (int)Facing.Down);
            PersonSprite.Draw(canvas, left, top, cellWidth, cellHeight, facing, PersonSprite.Elf);
        }
    }

    /// <summary>Integer cells, as Gymnasium's cell_size = window // n: a board that does not divide 512 leaves a black edge.</summary>
    private static (int Width, int Height) CellSize(FrameCanvas canvas, FrozenLakeMap map) =>
        (canvas.Width / map.Columns, canvas.Height / map.Rows);
}

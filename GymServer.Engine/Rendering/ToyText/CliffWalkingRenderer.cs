using GymServer.Engine.Environments.ToyText;

namespace GymServer.Engine.Rendering.ToyText;

/// <summary>
/// CliffWalking's frame laid out as Gymnasium lays it out: 12 x 4 cells of 60 pixels (720 x 240), checkered grass,
/// the cliff along the bottom row between start and goal, a rock edge above it, the stool at the start, the cookie
/// at the goal, and the elf a tenth of a cell above its cell's top, facing the way it last moved (down at first).
/// </summary>
internal sealed class CliffWalkingRenderer(CliffWalking env) : FrameRenderer(Size, flipVertically: false)
{
    private const int CellPixels = 60;
    private const int Rows = CliffWalking.Rows;
    private const int Columns = CliffWalking.Columns;

    public static readonly FrameShape Size = new(Height: Rows * CellPixels, Width: Columns * CellPixels);

    /// <summary>CliffWalking's actions are 0 up, 1 right, 2 down, 3 left.</summary>
    private static readonly Facing[] FacingOfAction = [Facing.Up, Facing.Right, Facing.Down, Facing.Left];

    protected override bool HasBackground => true;

    /// <summary>The mountain: grass, cliff, its edge, the stool and the cookie.</summary>
    protected override void DrawBackground(FrameCanvas canvas)
    {
        for (var state = 0; state < Rows * Columns; state++)
        {
            var row = state / Columns;
            var column = state % Columns;
            var x = column * CellPixels;
            var y = row * CellPixels;
            MountainTiles.DrawGrass(canvas, x, y, CellPixels, CellPixels, (row % 2) ^ (column % 2));
            if (IsCliff(row, column))
            {
                MountainTiles.DrawCliff(canvas, x, y, CellPixels, CellPixels);
            }
            if (row < Rows - 1 && IsCliff(row + 1, column))
            {
                MountainTiles.DrawCliffEdge(canvas, x, y, CellPixels, CellPixels);
            }
            if (state == CliffWalking.StartState)
            {
                LakeTiles.DrawStool(canvas, x, y, CellPixels, CellPixels);
            }
            if (state == (Rows * Columns) - 1)
            {
                MountainTiles.DrawCookie(canvas, x, y, CellPixels, CellPixels);
            }
        }
    }

    /// <summary>
    /// The elf, drawn last: Gymnasium draws it in its cell's turn, but it reaches only into the cell above, which
    /// is drawn before, so drawing it after the whole mountain gives the same picture.
    /// </summary>
    protected override void Draw(FrameCanvas canvas)
    {
        var x = env.State % Columns * CellPixels;
        var y = env.State / Columns * CellPixels;
        var facing = FacingOfAction[env.LastAction ?? 2];
        PersonSprite.Draw(canvas, x, y - (0.1f * CellPixels), CellPixels, CellPixels, facing, PersonSprite.Elf);
    }

    private static bool IsCliff(int row, int column) => row == Rows - 1 && column > 0 && column < Columns - 1;
}

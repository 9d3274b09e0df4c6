using GymServer.Engine.Environments.ToyText;
using SkiaSharp;

namespace GymServer.Engine.Rendering.ToyText;

/// <summary>
/// Taxi's frame laid out as Gymnasium lays it out: 550 x 350, one 50-pixel cell per character of the map (so
/// grid cells sit at odd columns), road everywhere, hedges where the map has walls, the four stands as
/// half-transparent colour squares (red, green, yellow, blue) set 10 pixels low, the passenger at their stand,
/// the hotel half a cell above the destination, and the cab facing its last move.
/// </summary>
internal sealed class TaxiRenderer(Taxi env) : FrameRenderer(Size, flipVertically: false)
{
    private const int CellPixels = 50;
    private const byte StandAlpha = 128;
    private const byte HotelAlpha = 170;

    public static readonly FrameShape Size = new(Height: 350, Width: 550);

    private static readonly SKColor[] StandColours =
    [
        new(255, 0, 0, StandAlpha), new(0, 255, 0, StandAlpha), new(255, 255, 0, StandAlpha), new(0, 0, 255, StandAlpha),
    ];

    /// <summary>Gymnasium's <c>taxi_orientation</c>: kept across steps and resets, changed only by a move.</summary>
    private Facing _orientation = Facing.Down;

    protected override bool HasBackground => true;

    /// <summary>The map: road, hedges and the four coloured stands.</summary>
    protected override void DrawBackground(FrameCanvas canvas)
    {
        canvas.Clear(TaxiSprites.Road);
        DrawWalls(canvas);
        for (var stand = 0; stand < TaxiModel.Locations.Length; stand++)
        {
            var (x, y) = CellOrigin(TaxiModel.Locations[stand]);
            canvas.FillRect(x, y + 10, CellPixels, CellPixels, StandColours[stand]);
        }
    }

    protected override void Draw(FrameCanvas canvas)
    {
        var (row, column, passenger, destination) = TaxiModel.Decode(env.State);
        if (passenger < TaxiModel.InTaxi)
        {
            var (x, y) = CellOrigin(TaxiModel.Locations[passenger]);
            PersonSprite.Draw(canvas, x, y, CellPixels, CellPixels, Facing.Down, PersonSprite.Passenger);
        }

        // Actions 0 to 3 move south, north, east, west; pickup and dropoff leave the cab as it was.
        _orientation = env.LastAction switch
        {
            0 => Facing.Down,
            1 => Facing.Up,
            2 => Facing.Right,
            3 => Facing.Left,
            _ => _orientation,
        };
        var (hotelX, hotelY) = CellOrigin(TaxiModel.Locations[destination]);
        var (cabX, cabY) = CellOrigin((row, column));
        // The nearer to the bottom is drawn last, so it overlaps the other.
        if (hotelY <= cabY)
        {
            TaxiSprites.DrawHotel(canvas, hotelX, hotelY - (CellPixels / 2), CellPixels, HotelAlpha);
            CabSprite.Draw(canvas, cabX, cabY, CellPixels, _orientation);
        }
        else
        {
            CabSprite.Draw(canvas, cabX, cabY, CellPixels, _orientation);
            TaxiSprites.DrawHotel(canvas, hotelX, hotelY - (CellPixels / 2), CellPixels, HotelAlpha);
        }
    }

    /// <summary>Gymnasium's <c>get_surf_loc</c>: grid cell (row, column) is map character (row + 1, 2 column + 1).</summary>
    private static (int X, int Y) CellOrigin((int Row, int Column) cell) =>
        (((cell.Column * 2) + 1) * CellPixels, (cell.Row + 1) * CellPixels);

    private static void DrawWalls(FrameCanvas canvas)
    {
        var map = TaxiModel.Map;
        for (var y = 0; y < map.Length; y++)
        {
            for (var x = 0; x < map[y].Length; x++)
            {
                var left = x * CellPixels;
                var top = y * CellPixels;
                switch (map[y][x])
                {
                    case '|':
                        var startsHere = y == 0 || map[y - 1][x] != '|';
                        var endsHere = y == map.Length - 1 || map[y + 1][x] != '|';
                        TaxiSprites.DrawHedge(canvas, left, top, CellPixels, vertical: true, startsHere, endsHere);
                        break;
                    case '-':
                        startsHere = x == 0 || map[y][x - 1] != '-';
                        endsHere = x == map[y].Length - 1 || map[y][x + 1] != '-';
                        TaxiSprites.DrawHedge(canvas, left, top, CellPixels, vertical: false, startsHere, endsHere);
                        break;
                }
            }
        }
    }
}

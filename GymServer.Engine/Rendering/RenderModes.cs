using GymServer.Engine.Environments;
using GymServer.Protocol;

namespace GymServer.Engine.Rendering;

/// <summary>Reads and writes <c>render_mode</c> under Gymnasium's names, with a clear error for the unsupported ones.</summary>
public static class RenderModes
{
    public const string RgbArrayName = "rgb_array";
    public const string HumanName = "human";
    public const string AnsiName = "ansi";

    /// <summary>null is <see cref="RenderMode.None"/>; <c>"rgb_array"</c> the only other mode a server renders.</summary>
    public static RenderMode Parse(string? name) => name switch
    {
        null => RenderMode.None,
        RgbArrayName => RenderMode.RgbArray,
        HumanName => throw new EnvException(
            EnvErrorCodes.InvalidArgument,
            "render_mode 'human' opens a window, and a server has no screen: use render_mode 'rgb_array' and read the frames"),
        AnsiName => throw new EnvException(
            EnvErrorCodes.InvalidArgument,
            "render_mode 'ansi' (text frames) is not supported: use render_mode 'rgb_array'"),
        _ => throw new EnvException(
            EnvErrorCodes.InvalidArgument,
            $"render_mode must be 'rgb_array' or null, got '{name}'"),
    };

    /// <summary>The Gymnasium name of a mode, null for <see cref="RenderMode.None"/>.</summary>
    public static string? Name(RenderMode mode) => mode switch
    {
        RenderMode.None => null,
        RenderMode.RgbArray => RgbArrayName,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };
}

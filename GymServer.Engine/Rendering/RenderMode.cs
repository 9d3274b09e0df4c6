namespace GymServer.Engine.Rendering;

/// <summary>
/// Gymnasium's <c>render_mode</c>, as far as a server can honour it: no rendering, or <c>"rgb_array"</c> frames.
/// <c>"human"</c> (a window) and <c>"ansi"</c> (text) are refused when the env is made; see <see cref="RenderModes"/>.
/// </summary>
public enum RenderMode
{
    /// <summary><c>render_mode=None</c>: the env draws nothing and <see cref="IRenderable.Render"/> is an error.</summary>
    None,

    /// <summary><c>render_mode="rgb_array"</c>: frames of height x width x 3 bytes, as Gymnasium returns them.</summary>
    RgbArray,
}

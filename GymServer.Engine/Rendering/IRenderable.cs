namespace GymServer.Engine.Rendering;

/// <summary>
/// An env that draws its current state, as Gymnasium's <c>env.render()</c> does with <c>render_mode="rgb_array"</c>.
/// The frame goes into a buffer the caller owns, so recording a video need not allocate a frame per step.
/// </summary>
public interface IRenderable
{
    /// <summary>The mode the env was made with (<c>render_mode</c> of <c>make</c>).</summary>
    RenderMode RenderMode { get; }

    /// <summary>The size of every frame this env draws; fixed when the env is made.</summary>
    FrameShape FrameShape { get; }

    /// <summary>
    /// Draws the current state into <paramref name="frame"/>, exactly <see cref="FrameShape"/>.ByteSize bytes.
    /// Fails with invalid_argument if the env was made without <c>render_mode="rgb_array"</c>, and with
    /// reset_needed before the first reset (there is no state to draw).
    /// </summary>
    void Render(Span<byte> frame);
}

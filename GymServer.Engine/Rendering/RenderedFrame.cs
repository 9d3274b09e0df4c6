namespace GymServer.Engine.Rendering;

/// <summary>
/// One rendered rgb24 frame: its shape and its pixels, valid until the env renders again (a C# env reuses one buffer).
/// </summary>
public readonly record struct RenderedFrame(FrameShape Shape, ReadOnlyMemory<byte> Pixels);

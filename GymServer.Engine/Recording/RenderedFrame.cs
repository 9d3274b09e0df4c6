using GymServer.Engine.Rendering;

namespace GymServer.Engine.Recording;

/// <summary>One rendered frame: its shape and its rgb24 pixels, valid until the source renders again.</summary>
internal readonly record struct RenderedFrame(FrameShape Shape, ReadOnlyMemory<byte> Pixels);

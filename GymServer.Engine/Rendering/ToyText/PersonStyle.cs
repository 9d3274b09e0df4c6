using SkiaSharp;

namespace GymServer.Engine.Rendering.ToyText;

/// <summary>The colours of a <see cref="PersonSprite"/>; no hat when <see cref="Hat"/> is null.</summary>
internal readonly record struct PersonStyle(SKColor Tunic, SKColor Belt, SKColor Legs, SKColor Hair, SKColor? Hat);

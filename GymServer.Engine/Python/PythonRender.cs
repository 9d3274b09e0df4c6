using GymServer.Protocol.Spaces;

namespace GymServer.Engine.Python;

/// <summary>
/// What a Python env's <c>render()</c> returned: an array (<see cref="DType"/>, <see cref="Shape"/>, raw
/// little-endian <see cref="Data"/>; an rgb_array frame is uint8 height x width x 3), text (ansi), or nothing.
/// </summary>
public sealed record PythonRender(string Kind, string? Text, string? DType, int[] Shape, byte[] Data)
{
    public const string ArrayKind = "array";
    public const string TextKind = "text";
    public const string NoneKind = "none";
}

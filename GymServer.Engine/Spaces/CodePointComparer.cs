namespace GymServer.Engine.Spaces;

/// <summary>
/// Orders strings as Python's <c>sorted</c> orders <c>str</c>: by Unicode code point. Ordinal UTF-16 order
/// differs for characters beyond U+FFFF, whose surrogates sort below U+E000..U+FFFF.
/// </summary>
public sealed class CodePointComparer : IComparer<string>
{
    public static CodePointComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            var a = CodePointAt(x, ref i);
            var b = CodePointAt(y, ref j);
            if (a != b)
            {
                return a < b ? -1 : 1;
            }
        }
        return (x.Length - i).CompareTo(y.Length - j);
    }

    // A surrogate pair is one code point; a lone surrogate (Python allows them) stands for itself.
    private static int CodePointAt(string text, ref int index)
    {
        var c = text[index++];
        if (char.IsHighSurrogate(c) && index < text.Length && char.IsLowSurrogate(text[index]))
        {
            return char.ConvertToUtf32(c, text[index++]);
        }
        return c;
    }
}

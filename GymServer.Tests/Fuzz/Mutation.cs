using CsCheck;

namespace GymServer.Tests.Fuzz;

/// <summary>
/// One change to a request line's bytes: a byte replaced, a range deleted or repeated, random bytes inserted (invalid
/// UTF-8 included), or the line cut short. Positions are fractions of the line, so one mutation fits any line.
/// Never a '\n': the harness counts lines, and a line break inside a line would only make two lines.
/// </summary>
public readonly record struct Mutation(MutationKind Kind, double At, int Length, byte Value)
{
    public static readonly Gen<Mutation> Generator = Gen.Select(
        Gen.Enum<MutationKind>(), Gen.Double[0, 1], Gen.Int[1, 8], Gen.Byte,
        (kind, at, length, value) => new Mutation(kind, at, length, value));

    public byte[] Apply(byte[] line)
    {
        var at = (int)(At * line.Length);
        var list = new List<byte>(line);
        switch (Kind)
        {
            case MutationKind.Replace when at < list.Count:
                list[at] = Value;
                break;
            case MutationKind.Delete when at < list.Count:
                list.RemoveRange(at, Math.Min(Length, list.Count - at));
                break;
            case MutationKind.Insert:
                var value = Value;
                list.InsertRange(at, Enumerable.Range(0, Length).Select(i => (byte)(value + (i * 37))));
                break;
            case MutationKind.Repeat when at < list.Count:
                // Up to thousands of copies: long lines, deep nesting when the range is a bracket.
                var range = list.GetRange(at, Math.Min(Length, list.Count - at));
                list.InsertRange(at, Enumerable.Repeat(range, Value * 4).SelectMany(part => part));
                break;
            case MutationKind.Truncate:
                list.RemoveRange(at, list.Count - at);
                break;
        }
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == (byte)'\n')
            {
                list[i] = (byte)' ';
            }
        }
        return [.. list];
    }
}

public enum MutationKind
{
    Replace,
    Delete,
    Insert,
    Repeat,
    Truncate,
}

using System.Text;
using CsCheck;

namespace GymServer.Tests.Fuzz;

/// <summary>
/// One fuzzed connection: the protocol, the env the harness makes first (unless <see cref="SetUp"/> is false), the
/// request lines with their mutations and terminators, and the sizes of the writes the bytes are split into.
/// </summary>
public sealed record FuzzInput(int Protocol, string EnvId, bool SetUp, FuzzLine[] Lines, bool LastTerminated, int[] Chunks)
{
    private static readonly Gen<FuzzLine> Protocol1Line = FuzzLine.Generator(RequestGens.Protocol1);
    private static readonly Gen<FuzzLine> Protocol2Line = FuzzLine.Generator(RequestGens.Protocol2);

    /// <summary>Chunk sizes from one byte (slowloris) to many lines at once.</summary>
    private static readonly Gen<int[]> ChunkSizes = Gen.Frequency((3, Gen.Int[1, 64]), (2, Gen.Int[1, 8]), (1, Gen.Int[64, 4096])).Array[1, 8];

    public static readonly Gen<FuzzInput> Generator = Gen.Int[1, 2].SelectMany(protocol => Gen.Select(
        RequestGens.EnvId,
        Gen.Frequency((5, Gen.Const(true)), (1, Gen.Const(false))),
        (protocol == 1 ? Protocol1Line : Protocol2Line).Array[1, 16],
        Gen.Frequency((5, Gen.Const(true)), (1, Gen.Const(false))),
        ChunkSizes,
        (env, setUp, lines, terminated, chunks) => new FuzzInput(protocol, env, setUp, lines, terminated, chunks)));

    /// <summary>
    /// The bytes sent after the set-up, the instance ids it made put in place of their placeholders, and how many
    /// requests they hold: one per line, but for a last line left empty and unterminated, which is no request at all.
    /// </summary>
    public (byte[] Bytes, int Requests) Bytes(string single, string vector)
    {
        var requests = Lines.Length;
        var bytes = new List<byte>();
        for (var i = 0; i < Lines.Length; i++)
        {
            var text = Lines[i].Text.Replace(RequestGens.SingleInstance, single, StringComparison.Ordinal)
                .Replace(RequestGens.VectorInstance, vector, StringComparison.Ordinal);
            var line = Encoding.UTF8.GetBytes(text);
            foreach (var mutation in Lines[i].Mutations)
            {
                line = mutation.Apply(line);
            }
            bytes.AddRange(line);
            if (i == Lines.Length - 1 && !LastTerminated && line.Length == 0)
            {
                requests--;
            }
            if (i < Lines.Length - 1 || LastTerminated)
            {
                bytes.AddRange(Lines[i].CarriageReturn ? "\r\n"u8.ToArray() : "\n"u8.ToArray());
            }
        }
        return ([.. bytes], requests);
    }

    public override string ToString() =>
        $"protocol {Protocol}, env {EnvId}, set up {SetUp}, chunks [{string.Join(",", Chunks)}], last terminated {LastTerminated}:\n"
        + string.Join("\n", Lines.Select(line => $"  {line.Text} {string.Join(" ", line.Mutations)}"));
}

/// <summary>A request line, the mutations applied to its bytes, and whether it ends in "\r\n" or a bare "\n".</summary>
public sealed record FuzzLine(string Text, Mutation[] Mutations, bool CarriageReturn)
{
    public static Gen<FuzzLine> Generator(Gen<string> requests) => Gen.Select(
        requests,
        Gen.Frequency((3, Gen.Const(Array.Empty<Mutation>())), (2, Mutation.Generator.Array[1, 3])),
        Gen.Frequency((4, Gen.Const(true)), (1, Gen.Const(false))),
        (text, mutations, carriageReturn) => new FuzzLine(text, mutations, carriageReturn));
}

namespace GymServer.Protocol.Binary;

/// <summary>The wire names of <see cref="FrameCodec"/>, as the handshake spells them, and how the server picks one.</summary>
public static class FrameCodecs
{
    public const string None = "none";
    public const string Lz4 = "lz4";
    public const string Zstd = "zstd";

    /// <summary>The most names a handshake may propose: enough for every codec there will be, few enough to read at once.</summary>
    public const int MaxProposed = 16;

    /// <summary>The error for a <c>codecs</c> field not of its form, in both protocols' parsers.</summary>
    public const string InvalidProposal =
        "server.codecs must be a list of at most 16 codec names, most wanted first, such as [\"lz4\",\"zstd\"] (this server knows \"lz4\", \"zstd\", \"none\")";

    /// <summary>The codecs that compress, in the order a server prefers them when it allows all.</summary>
    public static IReadOnlyList<FrameCodec> Compressing { get; } = [FrameCodec.Lz4, FrameCodec.Zstd];

    public static bool TryParse(string? name, out FrameCodec codec)
    {
        (var known, codec) = name switch
        {
            None => (true, FrameCodec.None),
            Lz4 => (true, FrameCodec.Lz4),
            Zstd => (true, FrameCodec.Zstd),
            _ => (false, FrameCodec.None),
        };
        return known;
    }

    public static string NameOf(FrameCodec codec) => codec switch
    {
        FrameCodec.Lz4 => Lz4,
        FrameCodec.Zstd => Zstd,
        FrameCodec.None => None,
        _ => $"unknown codec {(byte)codec}",
    };

    /// <summary>
    /// The codec a connection uses: the first the client proposes (its order is its preference) that the server
    /// allows. Names this server does not know are skipped, so a client may propose codecs of later servers; none
    /// left means <see cref="FrameCodec.None"/>.
    /// </summary>
    public static FrameCodec Choose(IEnumerable<string> proposed, IReadOnlyCollection<FrameCodec> allowed)
    {
        foreach (var name in proposed)
        {
            if (TryParse(name, out var codec) && (codec == FrameCodec.None || allowed.Contains(codec)))
            {
                return codec;
            }
        }
        return FrameCodec.None;
    }
}

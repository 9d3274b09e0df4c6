namespace GymServer.Protocol;

/// <summary>The wire names of <see cref="WireEncoding"/>, as the handshake spells them.</summary>
public static class WireEncodings
{
    public const string Json = "json";
    public const string Binary = "binary";

    /// <summary>The names, as error messages list them.</summary>
    public const string List = "\"json\", \"binary\"";

    public static bool TryParse(string? name, out WireEncoding encoding)
    {
        (var known, encoding) = name switch
        {
            Json => (true, WireEncoding.Json),
            Binary => (true, WireEncoding.Binary),
            _ => (false, WireEncoding.Json),
        };
        return known;
    }

    public static string NameOf(WireEncoding encoding) => encoding == WireEncoding.Binary ? Binary : Json;
}

namespace GymServer.Web.Security;

/// <summary>
/// How a request shows its token over HTTP, REST and gRPC alike: the header (gRPC: the metadata)
/// <c>authorization: Bearer &lt;token&gt;</c>.
/// </summary>
public static class BearerToken
{
    private const string Scheme = "Bearer ";

    /// <summary>Whether the header names a token at all, and whether it is one of <paramref name="tokens"/>.</summary>
    public static (bool Given, bool Valid) Check(AccessTokens tokens, string? header)
    {
        if (header is null || !header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return (false, false);
        }
        return (true, tokens.IsValid(header.AsSpan(Scheme.Length).Trim().ToString()));
    }
}

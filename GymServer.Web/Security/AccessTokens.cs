using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace GymServer.Web.Security;

/// <summary>
/// The configured tokens, kept only as SHA-256 hashes and compared in constant time, so neither a comparison's
/// duration nor a memory dump tells a client how close it came. Tokens are never logged.
/// </summary>
public sealed class AccessTokens
{
    private readonly byte[][] _hashes;

    public AccessTokens(IOptions<GymAuthOptions> options)
    {
        _hashes = [.. options.Value.Tokens.Select(token => Hash(Encoding.UTF8.GetBytes(token)))];
    }

    /// <summary>Whether clients must present a token.</summary>
    public bool IsEnabled => _hashes.Length > 0;

    public int Count => _hashes.Length;

    /// <summary>Whether this (UTF-8) token is one of the configured ones. Every hash is compared, whatever matches.</summary>
    public bool IsValid(ReadOnlySpan<byte> token)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(token, hash);
        var valid = false;
        foreach (var known in _hashes)
        {
            valid |= CryptographicOperations.FixedTimeEquals(hash, known);
        }
        return valid;
    }

    public bool IsValid(string token) => IsValid(Encoding.UTF8.GetBytes(token));

    private static byte[] Hash(byte[] token) => SHA256.HashData(token);
}

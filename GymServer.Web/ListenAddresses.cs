using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace GymServer.Web;

/// <summary>
/// The listen addresses of the node's own endpoints (<c>Gym:Tcp:Address</c>, <c>Gym:DmEnvRpc:Address</c>): an IP,
/// "localhost", or "*" / "0.0.0.0" for every interface, read and bound one way for all of them.
/// </summary>
public static class ListenAddresses
{
    /// <summary>An IP address; null for "*" (every interface, IPv6 and IPv4) and "localhost".</summary>
    public static bool TryParse(string? text, out IPAddress? address)
    {
        address = null;
        var trimmed = text?.Trim();
        if (trimmed is "*" || string.Equals(trimmed, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        return IPAddress.TryParse(trimmed, out address);
    }

    /// <summary>Binds <paramref name="address"/> (which <see cref="TryParse"/> accepts) and <paramref name="port"/>.</summary>
    public static void Listen(KestrelServerOptions kestrel, string address, int port, Action<ListenOptions> configure)
    {
        TryParse(address, out var ip);
        switch (ip)
        {
            case null when address.Trim() == "*":
                kestrel.ListenAnyIP(port, configure);
                break;
            case null:
                kestrel.ListenLocalhost(port, configure);
                break;
            default:
                kestrel.Listen(ip, port, configure);
                break;
        }
    }
}

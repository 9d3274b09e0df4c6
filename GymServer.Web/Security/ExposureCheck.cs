using System.Net;
using GymServer.Web.Tcp;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace GymServer.Web.Security;

/// <summary>
/// Once the ports are bound (<see cref="ExposureCheckService"/>), logs one warning when the TCP listener or HTTP
/// listens on a non-loopback address (every interface included) while no token is configured, or, with tokens, when
/// such a listener has no TLS: the tokens would cross the network in clear text.
/// </summary>
internal static class ExposureCheck
{
    public static void Run(IServiceProvider services, ILogger logger)
    {
        var exposed = ExposedListeners(services);
        var tokens = services.GetRequiredService<AccessTokens>();
        if (!tokens.IsEnabled)
        {
            if (exposed.Count > 0)
            {
                SecurityLog.ExposedWithoutTokens(logger, string.Join(", ", exposed.Select(listener => listener.Name)));
            }
            return;
        }
        SecurityLog.AuthenticationOn(logger, tokens.Count);
        var inClear = exposed.Where(listener => !listener.Tls).Select(listener => listener.Name).ToList();
        if (inClear.Count > 0)
        {
            SecurityLog.TokensWithoutTls(logger, string.Join(", ", inClear));
        }
    }

    /// <summary>The listeners on a non-loopback address, each once, with whether it speaks TLS.</summary>
    private static List<(string Name, bool Tls)> ExposedListeners(IServiceProvider services)
    {
        var exposed = new List<(string Name, bool Tls)>();
        var tcpPorts = new HashSet<int>();
        // A host without the TCP listener (an HTTP-only app using the bearer filter) has no TcpEndpoints.
        var tcpTls = services.GetService<IOptions<GymTcpOptions>>()?.Value.Tls.Enabled ?? false;
        foreach (var endPoint in services.GetService<TcpEndpoints>()?.EndPoints.OfType<IPEndPoint>() ?? [])
        {
            tcpPorts.Add(endPoint.Port);
            if (!IPAddress.IsLoopback(endPoint.Address))
            {
                exposed.Add(($"tcp {endPoint}", tcpTls));
            }
        }
        // Kestrel lists the TCP listener among its addresses too (as http:// or https://): only the others are HTTP.
        var addresses = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses.Select(BindingAddress.Parse).Where(address => !tcpPorts.Contains(address.Port)))
        {
            if (!IsLoopback(address.Host))
            {
                exposed.Add((address.ToString(), string.Equals(address.Scheme, "https", StringComparison.OrdinalIgnoreCase)));
            }
        }
        return [.. exposed.Distinct()];
    }

    private static bool IsLoopback(string host) => string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}

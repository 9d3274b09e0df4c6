using System.Net;
using GymServer.Web.Tcp;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace GymServer.Web.Security;

/// <summary>
/// Once the ports are bound (<see cref="ExposureCheckService"/>), logs one warning when the TCP listener or HTTP listens on a non-loopback address
/// (every interface included) while no token is configured.
/// </summary>
internal static class ExposureCheck
{
    public static void Run(IServiceProvider services, ILogger logger)
    {
        var tokens = services.GetRequiredService<AccessTokens>();
        if (tokens.IsEnabled)
        {
            SecurityLog.AuthenticationOn(logger, tokens.Count);
            return;
        }
        var exposed = new List<string>();
        var tcpPorts = new HashSet<int>();
        // A host without the TCP listener (an HTTP-only app using the bearer filter) has no TcpEndpoints.
        foreach (var endPoint in services.GetService<TcpEndpoints>()?.EndPoints.OfType<IPEndPoint>() ?? [])
        {
            tcpPorts.Add(endPoint.Port);
            if (!IPAddress.IsLoopback(endPoint.Address))
            {
                exposed.Add($"tcp {endPoint}");
            }
        }
        // Kestrel lists the TCP listener among its addresses too (as http://): only the others are HTTP.
        var addresses = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses.Select(BindingAddress.Parse).Where(address => !tcpPorts.Contains(address.Port)))
        {
            if (!IsLoopback(address.Host))
            {
                exposed.Add(address.ToString());
            }
        }
        if (exposed.Count > 0)
        {
            SecurityLog.ExposedWithoutTokens(logger, string.Join(", ", exposed.Distinct()));
        }
    }

    private static bool IsLoopback(string host) => string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}

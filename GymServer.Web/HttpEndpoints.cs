using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace GymServer.Web;

/// <summary>
/// Binds HTTP from the standard settings (<c>--urls</c>, <c>ASPNETCORE_URLS</c>, <c>ASPNETCORE_HTTP_PORTS</c>,
/// default http://localhost:5000). Kestrel stops binding them itself once any endpoint is bound in code, as the TCP
/// listener is; so they are bound here, next to it (and <see cref="HostAddressesCleared"/> keeps Kestrel from warning
/// at every start that it "overrides" them).
/// </summary>
public static class HttpEndpoints
{
    public const string DefaultUrl = "http://localhost:5000";
    private const string UrlsKey = "urls";
    private const string HttpPortsKey = "http_ports";

    public static void Listen(KestrelServerOptions kestrel, IConfiguration configuration)
    {
        var urls = Urls(configuration);
        foreach (var url in (string.IsNullOrWhiteSpace(urls) ? DefaultUrl : urls).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            ListenUrl(kestrel, url);
        }
    }

    private static string? Urls(IConfiguration configuration)
    {
        if (configuration[UrlsKey] is { Length: > 0 } urls)
        {
            return urls;
        }
        if (configuration[HttpPortsKey] is { Length: > 0 } ports)
        {
            var split = ports.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return string.Join(';', split.Select(port => $"http://*:{port}"));
        }
        return null;
    }

    private static void ListenUrl(KestrelServerOptions kestrel, string url)
    {
        var address = BindingAddress.Parse(url);
        var https = string.Equals(address.Scheme, "https", StringComparison.OrdinalIgnoreCase);
        if (!https && !string.Equals(address.Scheme, "http", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"unsupported scheme in url '{url}': use http or https");
        }
        Action<ListenOptions> configure = https ? listen => listen.UseHttps() : _ => { };
        if (address.IsUnixPipe)
        {
            kestrel.ListenUnixSocket(address.UnixPipePath, configure);
        }
        else if (string.Equals(address.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            kestrel.ListenLocalhost(address.Port, configure);
        }
        else if (IPAddress.TryParse(address.Host, out var ip))
        {
            kestrel.Listen(ip, address.Port, configure);
        }
        else
        {
            // "*", "+" and host names mean every interface, as Kestrel reads them.
            kestrel.ListenAnyIP(address.Port, configure);
        }
    }
}

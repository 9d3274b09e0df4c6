using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace GymServer.Web;

/// <summary>
/// The host hands Kestrel the HTTP URLs of the settings as addresses, and Kestrel, having endpoints bound in code
/// (<see cref="HttpEndpoints"/> binds those same URLs), ignores them with a warning at every start. The host fills that
/// list before it builds the request pipeline and the server binds after, so the list is emptied here, as the pipeline
/// is built; Kestrel then lists the addresses it really bound.
/// </summary>
internal sealed class HostAddressesCleared(IServer server) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next)
    {
        if (server.Features.Get<IServerAddressesFeature>()?.Addresses is { IsReadOnly: false } addresses)
        {
            addresses.Clear();
        }
        return next;
    }
}

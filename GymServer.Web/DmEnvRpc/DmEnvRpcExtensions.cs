using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using DmEnvironment = GymServer.Web.DmEnvRpc.V1.Environment;

namespace GymServer.Web.DmEnvRpc;

/// <summary>
/// Registers dm_env_rpc's gRPC service on its own HTTP/2 endpoint of the node's Kestrel (<c>Gym:DmEnvRpc</c>): the
/// service answers there only, and the node's HTTP routes are not served there.
/// </summary>
public static class DmEnvRpcExtensions
{
    /// <summary>The service's path prefix: <c>/dm_env_rpc.v1.Environment</c>.</summary>
    private static readonly PathString ServicePath = "/" + DmEnvironment.Descriptor.FullName;

    public static WebApplicationBuilder AddGymDmEnvRpc(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DmEnvRpcOptions>()
            .Bind(builder.Configuration.GetSection(DmEnvRpcOptions.SectionName))
            .Validate(options => options.Port is >= 0 and <= IPEndPoint.MaxPort, "Gym:DmEnvRpc:Port must be 0 to 65535")
            .Validate(options => ListenAddresses.TryParse(options.Address, out _), "Gym:DmEnvRpc:Address must be an IP address, localhost, * or 0.0.0.0")
            .Validate(options => options.MaxStreams >= 1, "Gym:DmEnvRpc:MaxStreams must be at least 1")
            .Validate(options => options.MaxRequestBytes >= 1024, "Gym:DmEnvRpc:MaxRequestBytes must be at least 1024")
            .Validate(options => options.Tls.HandshakeTimeout > TimeSpan.Zero, "Gym:DmEnvRpc:Tls:HandshakeTimeout must be positive")
            .Validate(options => options.Tls.Enabled || !options.Tls.Certificate.IsSet,
                "Gym:DmEnvRpc:Tls:Certificate is set but Gym:DmEnvRpc:Tls:Enabled is not true: set it, or the port stays plain")
            .ValidateOnStart();
        var options = builder.Configuration.GetSection(DmEnvRpcOptions.SectionName).Get<DmEnvRpcOptions>() ?? new DmEnvRpcOptions();
        if (!options.Enabled)
        {
            return builder;
        }
        builder.Services.AddGrpc().AddServiceOptions<EnvironmentService>(service => service.MaxReceiveMessageSize = options.MaxRequestBytes);
        builder.Services.AddSingleton<DmEnvRpcEndpoints>();
        builder.Services.AddSingleton<DmEnvRpcStreams>();
        builder.Services.AddSingleton<WorldSessions>();
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            var bound = kestrel.ApplicationServices.GetRequiredService<IOptions<DmEnvRpcOptions>>().Value;
            var endpoints = kestrel.ApplicationServices.GetRequiredService<DmEnvRpcEndpoints>();
            var https = bound.Tls.Enabled
                ? TlsEndpoint.Https(bound.Tls.Certificate, bound.Tls.HandshakeTimeout, "Gym:DmEnvRpc:Tls", context.HostingEnvironment.ContentRootPath)
                : null;
            ListenAddresses.Listen(kestrel, bound.Address, bound.Port, listen =>
            {
                // gRPC is HTTP/2 only: without TLS a client speaks it with prior knowledge (h2c), with TLS by ALPN.
                listen.Protocols = HttpProtocols.Http2;
                https?.Invoke(listen);
                endpoints.Add(listen);
            });
        });
        return builder;
    }

    /// <summary>Maps the service, keeps each port to its own traffic, and logs where it listens once bound.</summary>
    public static WebApplication MapGymDmEnvRpc(this WebApplication app)
    {
        if (app.Services.GetService<DmEnvRpcEndpoints>() is not DmEnvRpcEndpoints endpoints)
        {
            return app;
        }
        app.Use((context, next) =>
        {
            var onEndpoint = endpoints.Serves(context.Connection.LocalPort);
            if (onEndpoint != context.Request.Path.StartsWithSegments(ServicePath))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }
            return next(context);
        });
        app.MapGrpcService<EnvironmentService>();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EnvironmentService));
            var tls = app.Services.GetRequiredService<IOptions<DmEnvRpcOptions>>().Value.Tls.Enabled ? " over TLS" : "";
            foreach (var endPoint in endpoints.EndPoints)
            {
                DmEnvRpcLog.Listening(logger, endPoint.ToString() ?? "?", tls);
            }
        });
        return app;
    }
}

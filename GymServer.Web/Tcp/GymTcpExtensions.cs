using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GymServer.Web.Tcp;

/// <summary>Registers gym_tcp_api's TCP protocol on Kestrel, beside HTTP.</summary>
public static class GymTcpExtensions
{
    /// <summary>Room in the socket's read buffer beyond one maximum line, so a maximum line always fits.</summary>
    private const int ReadBufferSlack = 64 * 1024;

    public static WebApplicationBuilder AddGymTcp(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<GymTcpOptions>()
            .Bind(builder.Configuration.GetSection(GymTcpOptions.SectionName))
            .Validate(options => options.Port is >= 0 and <= IPEndPoint.MaxPort, "Gym:Tcp:Port must be 0 to 65535")
            .Validate(options => TryParseAddress(options.Address, out _), "Gym:Tcp:Address must be an IP address, localhost, * or 0.0.0.0")
            .Validate(options => options.MaxLineLength >= 64, "Gym:Tcp:MaxLineLength must be at least 64 bytes")
            .Validate(options => options.MaxConnections >= 1, "Gym:Tcp:MaxConnections must be at least 1")
            .Validate(options => options.IdleTimeout > TimeSpan.Zero, "Gym:Tcp:IdleTimeout must be positive")
            .Validate(options => options.ReplyQueueCapacity >= 1, "Gym:Tcp:ReplyQueueCapacity must be at least 1")
            .Validate(options => options.MaxQueuedReplyBytes >= 1, "Gym:Tcp:MaxQueuedReplyBytes must be at least 1")
            .Validate(options => options.IoQueueCount is >= 0 and <= 64, "Gym:Tcp:IoQueueCount must be 0 (Kestrel's default) to 64")
            .Validate(options => options.CompressionNamesKnown(), "Gym:Tcp:Compression must list codecs of \"lz4\", \"zstd\", \"none\"")
            .Validate(options => options.CompressionMinBytes >= 0, "Gym:Tcp:CompressionMinBytes must be at least 0")
            .Validate(options => options.Tls.HandshakeTimeout > TimeSpan.Zero, "Gym:Tcp:Tls:HandshakeTimeout must be positive")
            .Validate(options => options.Tls.Enabled || !options.Tls.Certificate.IsSet,
                "Gym:Tcp:Tls:Certificate is set but Gym:Tcp:Tls:Enabled is not true: set it, or the TCP port stays plain")
            .ValidateOnStart();
        builder.Services.AddSingleton<ConnectionLimiter>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ReplyMemory>();
        builder.Services.AddHostedService<StalledReplySweep>();
        builder.Services.AddSingleton<TcpEndpoints>();
        builder.Services.AddTransient<IStartupFilter, HostAddressesCleared>();

        builder.Services.AddOptions<SocketTransportOptions>().Configure<IOptions<GymTcpOptions>>((sockets, gym) =>
        {
            // Kestrel stops reading a socket once this much is unconsumed; a maximum-length line must fit in it,
            // or its terminator could never arrive.
            sockets.MaxReadBufferSize = Math.Max(sockets.MaxReadBufferSize ?? 0, (long)gym.Value.MaxLineLength + ReadBufferSlack);
            sockets.UnsafePreferInlineScheduling = gym.Value.InlineScheduling;
            if (gym.Value.IoQueueCount > 0)
            {
                sockets.IOQueueCount = gym.Value.IoQueueCount;
            }
        });
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            var options = kestrel.ApplicationServices.GetRequiredService<IOptions<GymTcpOptions>>().Value;
            var endpoints = kestrel.ApplicationServices.GetRequiredService<TcpEndpoints>();
            var useTls = options.Tls.Enabled
                ? TcpTls.Configure(options.Tls, context.HostingEnvironment.ContentRootPath,
                    kestrel.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TcpTls)))
                : null;
            ListenTcp(kestrel, options, listen =>
            {
                useTls?.Invoke(listen);
                listen.UseConnectionHandler<GymConnectionHandler>();
                endpoints.Add(listen);
            });
            // Listening here makes Kestrel ignore --urls, so HTTP is bound from them explicitly.
            HttpEndpoints.Listen(kestrel, context.Configuration);
        });
        return builder;
    }

    /// <summary>Logs where the TCP protocol listens, once the server has bound its ports.</summary>
    public static WebApplication UseGymTcp(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(GymConnectionHandler));
            var tls = app.Services.GetRequiredService<IOptions<GymTcpOptions>>().Value.Tls.Enabled;
            foreach (var endPoint in app.Services.GetRequiredService<TcpEndpoints>().EndPoints)
            {
                if (tls)
                {
                    TcpLog.ListeningWithTls(logger, endPoint.ToString() ?? "?");
                }
                else
                {
                    TcpLog.Listening(logger, endPoint.ToString() ?? "?");
                }
            }
        });
        return app;
    }

    private static void ListenTcp(KestrelServerOptions kestrel, GymTcpOptions options, Action<ListenOptions> configure) =>
        ListenAddresses.Listen(kestrel, options.Address, options.Port, configure);

    private static bool TryParseAddress(string? text, out IPAddress? address) => ListenAddresses.TryParse(text, out address);
}

using GymServer.Engine.Recording;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GymServer.Web.Api;

/// <summary>Registers recording: options from <c>Gym:Media</c>, the status, library and recorder.</summary>
public static class MediaServiceExtensions
{
    public static IServiceCollection AddGymMedia(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Gym:Media").Get<MediaOptions>() ?? new MediaOptions();
        if (options.FrameQueue < 1)
        {
            throw new InvalidOperationException($"Gym:Media:FrameQueue must be at least 1, got {options.FrameQueue}");
        }
        // Fails at startup on a schedule the node cannot use, rather than at the first recording.
        VideoSchedule.Parse(options.Schedule);
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<MediaStatus>();
        services.AddSingleton<MediaLibrary>();
        services.AddSingleton<MediaRecorder>();
        services.AddHostedService<MediaShutdown>();
        return services;
    }
}

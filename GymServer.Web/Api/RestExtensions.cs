namespace GymServer.Web.Api;

/// <summary>Registers the gym-http-api REST API (<see cref="RestEndpoints"/>) and its env store.</summary>
public static class RestExtensions
{
    public static WebApplicationBuilder AddGymRest(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(builder.Configuration.GetSection(RestOptions.SectionName).Get<RestOptions>() ?? new RestOptions());
        builder.Services.AddSingleton<RestEnvStore>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<RestEnvStore>());
        return builder;
    }
}

using GymServer.Engine.Sessions;

namespace GymServer.Web.Presets;

public static class PresetExtensions
{
    /// <summary>
    /// The presets of <c>Gym:Envs:Presets</c> for the catalog, and their check at start. Call after the Python pool
    /// is registered (hosted services start in order: the check makes Python presets in the running pool).
    /// </summary>
    public static IServiceCollection AddGymPresets(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => PresetConfiguration.Read(configuration.GetSection(PresetConfiguration.SectionName)));
        services.AddHostedService<PresetCheck>();
        return services;
    }
}

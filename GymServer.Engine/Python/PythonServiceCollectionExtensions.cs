using GymServer.Engine.Sessions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GymServer.Engine.Python;

/// <summary>Registers the Python worker pool: one line in the host's composition root.</summary>
public static class PythonServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="PythonOptions"/> from <c>Gym:Python</c>, adds the pool (started and stopped with the host)
    /// and <see cref="PythonEnvProvider"/> as an <see cref="IEnvProvider"/>.
    /// </summary>
    public static IServiceCollection AddGymPython(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PythonOptions>()
            .Bind(configuration.GetSection(PythonOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PythonOptions>, PythonOptionsValidator>();
        services.AddSingleton<PythonWorkerPool>();
        services.AddSingleton<PythonEnvProvider>();
        services.AddSingleton<IEnvProvider>(provider => provider.GetRequiredService<PythonEnvProvider>());
        services.AddHostedService<PythonPoolHostedService>();
        return services;
    }
}

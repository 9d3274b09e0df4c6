using GymServer.Engine.Sessions;
using GymServer.Protocol;

namespace GymServer.Web.Presets;

/// <summary>
/// Checks every preset at start, after the Python pool is up and before the server listens: its name must not hide an
/// env id, and it must make (through the catalog, as a client makes it: backend, kwargs, wrappers) and close. The first
/// bad one stops the start with an <see cref="InvalidPresetException"/> naming it; a preset clients could not make is
/// never offered.
/// </summary>
public sealed partial class PresetCheck(EnvCatalog catalog, ILogger<PresetCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var preset in catalog.Presets.All)
        {
            if (catalog.Providers.FirstOrDefault(provider => provider.Serves(preset.Name)) is { } provider)
            {
                throw new InvalidPresetException(preset.Name, $"its name is already an env id of the {provider.Backend} backend; choose another name");
            }
            IEnvInstance instance;
            try
            {
                instance = await catalog.MakeAsync(preset.Name, kwargs: null, cancellationToken).ConfigureAwait(false);
            }
            catch (WireException error)
            {
                throw new InvalidPresetException(preset.Name, $"{error.Code}: {error.Message}", error);
            }
            await using (instance.ConfigureAwait(false))
            {
                PresetChecked(logger, preset.Name, instance.Backend, instance.ObservationSpace.DescriptionJson(), instance.ActionSpace.DescriptionJson());
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Preset {Preset} served by the {Backend} backend: observation space {ObservationSpace}, action space {ActionSpace}")]
    private static partial void PresetChecked(ILogger logger, string preset, string backend, string observationSpace, string actionSpace);
}

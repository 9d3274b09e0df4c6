using GymServer.Engine.Environments;
using GymServer.Engine.Sessions;
using GymServer.Protocol.V2;

namespace GymServer.Web.Tcp.States;

/// <summary>
/// Lists every id of every backend with its spaces, read from an instance made and closed for the purpose, then every
/// preset with its wrapped spaces, made the same way through the catalog. An id whose make fails (a Gymnasium env
/// whose extra is not installed, a space without a byte layout) is listed apart with its error, not as a failure of
/// the whole list: a real Gymnasium registers many envs a given installation cannot make.
/// </summary>
public static class EnvListing
{
    /// <summary>The backend named for a preset that could not be made (which backend it would use is not known then).</summary>
    private const string PresetBackend = "preset";

    public static async ValueTask<(IReadOnlyList<RegisteredEnv> Envs, IReadOnlyList<UnavailableEnv> Unavailable)> ListAsync(
        EnvCatalog catalog, CancellationToken cancellationToken)
    {
        var envs = new List<RegisteredEnv>();
        var unavailable = new List<UnavailableEnv>();
        foreach (var provider in catalog.Providers)
        {
            foreach (var id in provider.Ids)
            {
                // Spaces may depend on the env's construction, so the env itself is the only faithful source.
                IEnvInstance instance;
                try
                {
                    instance = await provider.MakeAsync(id, InstanceIds.New(), kwargs: null, wrappers: [], renderMode: null, cancellationToken)
                        .ConfigureAwait(false);
                }
                catch (EnvException error)
                {
                    unavailable.Add(new UnavailableEnv(id, provider.Backend, error.Code, error.Message));
                    continue;
                }
                await using (instance.ConfigureAwait(false))
                {
                    envs.Add(new RegisteredEnv(id, provider.Backend,
                        instance.ObservationSpace.DescriptionJson(), instance.ActionSpace.DescriptionJson(),
                        instance.Spec.Gymnasium, instance.Spec.DeprecatedBy));
                }
            }
        }
        foreach (var preset in catalog.Presets.All.OrderBy(preset => preset.Name, StringComparer.Ordinal))
        {
            IEnvInstance instance;
            try
            {
                instance = await catalog.MakeAsync(preset.Name, kwargs: null, cancellationToken).ConfigureAwait(false);
            }
            catch (EnvException error)
            {
                unavailable.Add(new UnavailableEnv(preset.Name, PresetBackend, error.Code, error.Message));
                continue;
            }
            await using (instance.ConfigureAwait(false))
            {
                envs.Add(new RegisteredEnv(preset.Name, instance.Backend,
                    instance.ObservationSpace.DescriptionJson(), instance.ActionSpace.DescriptionJson(),
                    instance.Spec.Gymnasium, instance.Spec.DeprecatedBy, preset.DefinitionJson()));
            }
        }
        return (envs, unavailable);
    }
}

using GymServer.Engine.Sessions;
using GymServer.Protocol.V2;

namespace GymServer.Web.Tcp.States;

/// <summary>
/// Lists every id of every backend with its spaces, read from an instance made and closed for the purpose, then every
/// preset with its wrapped spaces, made the same way through the catalog.
/// </summary>
public static class EnvListing
{
    public static async ValueTask<IReadOnlyList<RegisteredEnv>> ListAsync(EnvCatalog catalog, CancellationToken cancellationToken)
    {
        var envs = new List<RegisteredEnv>();
        foreach (var provider in catalog.Providers)
        {
            foreach (var id in provider.Ids)
            {
                // Spaces may depend on the env's construction, so the env itself is the only faithful source.
                var instance = await provider.MakeAsync(id, InstanceIds.New(), kwargs: null, wrappers: [], renderMode: null, cancellationToken)
                    .ConfigureAwait(false);
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
            var instance = await catalog.MakeAsync(preset.Name, kwargs: null, cancellationToken).ConfigureAwait(false);
            await using (instance.ConfigureAwait(false))
            {
                envs.Add(new RegisteredEnv(preset.Name, instance.Backend,
                    instance.ObservationSpace.DescriptionJson(), instance.ActionSpace.DescriptionJson(),
                    instance.Spec.Gymnasium, instance.Spec.DeprecatedBy, preset.DefinitionJson()));
            }
        }
        return envs;
    }
}

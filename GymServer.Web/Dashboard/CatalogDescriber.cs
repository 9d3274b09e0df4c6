using GymServer.Engine.Environments;
using GymServer.Engine.Sessions;

namespace GymServer.Web.Dashboard;

/// <summary>
/// Describes every id of the catalogue, and every preset, for the Environments page, once: spaces can depend on
/// construction, so each is made and closed (as list_envs does), and the result is kept.
/// </summary>
public sealed class CatalogDescriber(EnvCatalog catalog)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IReadOnlyList<CatalogEntry>? _entries;

    public async Task<IReadOnlyList<CatalogEntry>> DescribeAsync(CancellationToken cancellationToken)
    {
        if (_entries is { } ready)
        {
            return ready;
        }
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_entries is null)
            {
                var entries = new List<CatalogEntry>();
                foreach (var provider in catalog.Providers)
                {
                    foreach (var id in provider.Ids.Order(StringComparer.Ordinal))
                    {
                        entries.Add(await DescribeAsync(provider, id, cancellationToken).ConfigureAwait(false));
                    }
                }
                foreach (var preset in catalog.Presets.All.OrderBy(preset => preset.Name, StringComparer.Ordinal))
                {
                    entries.Add(await DescribeAsync(preset, cancellationToken).ConfigureAwait(false));
                }
                _entries = entries;
            }
            return _entries;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static async Task<CatalogEntry> DescribeAsync(IEnvProvider provider, string id, CancellationToken cancellationToken)
    {
        try
        {
            var instance = await provider.MakeAsync(id, InstanceIds.New(), kwargs: null, wrappers: [], renderMode: null, cancellationToken)
                .ConfigureAwait(false);
            await using (instance.ConfigureAwait(false))
            {
                var spec = instance.Spec;
                return new CatalogEntry(id, provider.Backend, instance.ObservationSpace.DescriptionJson(),
                    instance.ActionSpace.DescriptionJson(), spec.RewardThreshold, spec.MaxEpisodeSteps,
                    Gymnasium: spec.Gymnasium, DeprecatedBy: spec.DeprecatedBy);
            }
        }
        catch (EnvException exception)
        {
            // An id whose extra dependencies are missing: list it with the reason rather than hide it.
            return new CatalogEntry(id, provider.Backend, null, null, null, null, exception.Message);
        }
    }

    /// <summary>A preset, made through the catalog as clients make it: its spaces are the wrapped env's.</summary>
    private async Task<CatalogEntry> DescribeAsync(EnvPreset preset, CancellationToken cancellationToken)
    {
        try
        {
            var instance = await catalog.MakeAsync(preset.Name, kwargs: null, cancellationToken).ConfigureAwait(false);
            await using (instance.ConfigureAwait(false))
            {
                var spec = instance.Spec;
                return new CatalogEntry(preset.Name, instance.Backend, instance.ObservationSpace.DescriptionJson(),
                    instance.ActionSpace.DescriptionJson(), spec.RewardThreshold, spec.MaxEpisodeSteps,
                    Gymnasium: spec.Gymnasium, Preset: preset);
            }
        }
        catch (EnvException exception)
        {
            // Checked at start, but the Python pool may have become unavailable since.
            return new CatalogEntry(preset.Name, "–", null, null, null, null, exception.Message, Preset: preset);
        }
    }
}

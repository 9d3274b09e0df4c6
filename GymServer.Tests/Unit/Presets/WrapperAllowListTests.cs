using GymServer.Engine.Environments;
using GymServer.Engine.Sessions;
using GymServer.Protocol.Values;
using Microsoft.Extensions.Configuration;

namespace GymServer.Tests.Unit.Presets;

/// <summary>Gym:Envs:AllowedWrappers as configuration binds it: a configured list replaces the default, not extends it.</summary>
public sealed class WrapperAllowListTests
{
    private static EnvCatalog Catalog(params string[] allowed)
    {
        var settings = allowed.Select((name, i) => new KeyValuePair<string, string?>($"Gym:Envs:AllowedWrappers:{i}", name));
        var options = new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection("Gym:Envs").Get<EnvCatalogOptions>()
            ?? new EnvCatalogOptions();
        return new EnvCatalog([new NativeEnvProvider(NativeEnvironments.CreateRegistry())], options);
    }

    [Fact]
    public async Task AConfiguredListReplacesTheDefault()
    {
        var catalog = Catalog("FlattenObservation");
        Assert.Equal(["FlattenObservation"], catalog.AllowedWrappers.Names);
        await using var allowed = await catalog.MakeAsync("CartPole-v1", null, [new WrapperSpec("FlattenObservation", null)], null, CancellationToken.None);
        var refused = await Assert.ThrowsAsync<EnvException>(async () =>
            await catalog.MakeAsync("CartPole-v1", null, [new WrapperSpec("NormalizeObservation")], null, CancellationToken.None));
        Assert.Equal(("forbidden_wrapper", "wrapper 'NormalizeObservation' is not allowed on this server; allowed: FlattenObservation"), (refused.Code, refused.Message));
    }

    [Fact]
    public void WithoutSettingTheDefaultHasGymnasiumsPlainValuedWrappersOnly()
    {
        var names = Catalog().AllowedWrappers.Names;
        Assert.Contains("AtariPreprocessing", names);
        Assert.Contains("FrameStackObservation", names);
        Assert.DoesNotContain("TransformObservation", names);
        Assert.DoesNotContain("RecordVideo", names);
        Assert.Equal(24, names.Count);
    }
}

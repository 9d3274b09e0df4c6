using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Engine.Sessions;
using GymServer.Protocol.Values;

namespace GymServer.Tests.Unit.Sessions;

/// <summary>Resolving ids over several backends: native first, prefixes, suggestions from all of them.</summary>
public sealed class EnvCatalogTests
{
    private static readonly EnvRegistry Registry = NativeEnvironments.CreateRegistry();

    [Fact]
    public void NativeServesFirstWhateverTheRegistrationOrder()
    {
        var catalog = new EnvCatalog([new OtherBackend("python", "CartPole-v1", "Pong-v5"), new NativeEnvProvider(Registry)]);
        Assert.Equal("native", catalog.Resolve("CartPole-v1").Provider.Backend);
        Assert.Equal("python", catalog.Resolve("Pong-v5").Provider.Backend);
    }

    [Fact]
    public void APreferredBackendServesFirstWhenItHasTheId()
    {
        var catalog = new EnvCatalog(
            [new NativeEnvProvider(Registry), new OtherBackend("python", "CartPole-v1")],
            new EnvCatalogOptions { PreferredBackend = "python" });
        Assert.Equal("python", catalog.Resolve("CartPole-v1").Provider.Backend);
        Assert.Equal("native", catalog.Resolve("Taxi-v3").Provider.Backend);
        Assert.Equal("native", catalog.Resolve("native:CartPole-v1").Provider.Backend);
    }

    [Fact]
    public void APreferredBackendThatDoesNotExistIsAConfigurationError()
    {
        var error = Assert.Throws<ArgumentException>(() => new EnvCatalog(
            [new NativeEnvProvider(Registry)],
            new EnvCatalogOptions { PreferredBackend = "pyhton" }));
        Assert.Contains("pyhton", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APrefixChoosesTheBackend()
    {
        var catalog = new EnvCatalog([new NativeEnvProvider(Registry), new OtherBackend("python", "CartPole-v1")]);
        var (provider, id) = catalog.Resolve("python:CartPole-v1");
        Assert.Equal(("python", "CartPole-v1"), (provider.Backend, id));
        Assert.Equal("native", catalog.Resolve("native:CartPole-v1").Provider.Backend);
    }

    [Fact]
    public void UnknownIdsSuggestCloseIdsOfEveryBackend()
    {
        var catalog = new EnvCatalog([new NativeEnvProvider(Registry), new OtherBackend("python", "CartPole-v2")]);
        var error = Assert.Throws<EnvException>(() => catalog.Resolve("CartPole-v3"));
        Assert.Equal("unknown_env", error.Code);
        Assert.Contains("CartPole-v1", error.Message, StringComparison.Ordinal);
        Assert.Contains("CartPole-v2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnIdWithAColonThatIsNoBackendIsResolvedWhole()
    {
        var catalog = new EnvCatalog([new NativeEnvProvider(Registry), new OtherBackend("python", "ALE/Pong-v5", "gym:Thing-v0")]);
        Assert.Equal(("python", "gym:Thing-v0"), (catalog.Resolve("gym:Thing-v0").Provider.Backend, catalog.Resolve("gym:Thing-v0").Id));
    }

    [Fact]
    public async Task MakesInstancesWithFreshIds()
    {
        var catalog = new EnvCatalog([new NativeEnvProvider(Registry)]);
        await using var first = await catalog.MakeAsync("CartPole-v1", null, CancellationToken.None);
        await using var second = await catalog.MakeAsync("native:CartPole-v1", null, CancellationToken.None);
        Assert.Matches("^[0-9a-f]{13}$", first.InstanceId);
        Assert.NotEqual(first.InstanceId, second.InstanceId);
        Assert.Equal("native", first.Backend);
    }

    /// <summary>
    /// A second backend that only resolves ids (the Python pool lives on another branch); making an env from it is
    /// not part of these tests.
    /// </summary>
    private sealed class OtherBackend(string backend, params string[] ids) : IEnvProvider
    {
        public string Backend => backend;

        public IReadOnlyCollection<string> Ids => ids;

        public bool Serves(string id) => ids.Contains(id);

        public ValueTask<IEnvInstance> MakeAsync(string id, string instanceId, IReadOnlyDictionary<string, JsonElement>? kwargs, IReadOnlyList<WrapperSpec> wrappers, string? renderMode, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("resolution tests do not make envs");
    }
}

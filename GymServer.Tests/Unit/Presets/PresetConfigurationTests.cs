using System.Text;
using System.Text.Json;
using GymServer.Engine.Sessions;
using GymServer.Protocol.Values;
using GymServer.Web.Presets;
using Microsoft.Extensions.Configuration;

namespace GymServer.Tests.Unit.Presets;

/// <summary>
/// Presets from appsettings JSON as .NET configuration flattens it (every value text), read back with the JSON types a
/// client's make would have; a preset expands into its id, kwargs and wrappers, a client's own added.
/// </summary>
public sealed class PresetConfigurationTests
{
    private static EnvPresets Read(string appsettings)
    {
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(appsettings))).Build();
        return PresetConfiguration.Read(configuration.GetSection(PresetConfiguration.SectionName));
    }

    [Fact]
    public void ValuesKeepTheirJsonTypesThroughConfiguration()
    {
        var presets = Read("""
            {"Gym":{"Envs":{"Presets":{"Lake-v0":{"id":"FrozenLake-v1",
              "kwargs":{"is_slippery":false,"map_name":"8x8","reward":1.0,"empty":{}},
              "wrappers":[{"name":"TimeLimit","kwargs":{"max_episode_steps":3}},{"name":"ResizeObservation","kwargs":{"shape":[84,84]}},{"name":"Flatten"}]}}}}}
            """);
        var preset = Assert.Single(presets.All);
        Assert.Equal(("Lake-v0", "FrozenLake-v1"), (preset.Name, preset.Id));
        Assert.Equal("""{"id":"FrozenLake-v1","kwargs":{"empty":null,"is_slippery":false,"map_name":"8x8","reward":1.0},"wrappers":[{"name":"TimeLimit","kwargs":{"max_episode_steps":3}},{"name":"ResizeObservation","kwargs":{"shape":[84,84]}},{"name":"Flatten"}]}""",
            preset.DefinitionJson());
    }

    [Theory]
    [InlineData("""{"Bad-v0":{"kwargs":{"a":1}}}""", "preset 'Bad-v0' (Gym:Envs:Presets:Bad-v0): needs an id, the env it makes")]
    [InlineData("""{"Bad-v0":{"id":"CartPole-v1","wrapper":[]}}""", "preset 'Bad-v0' (Gym:Envs:Presets:Bad-v0): unknown field 'wrapper': expected id, kwargs, wrappers")]
    [InlineData("""{"Bad-v0":{"id":"CartPole-v1","wrappers":[{"kwargs":{"a":1}}]}}""", "preset 'Bad-v0' (Gym:Envs:Presets:Bad-v0): wrappers[0] needs a name")]
    [InlineData("""{"A-v0":{"id":"CartPole-v1"},"B-v0":{"id":"A-v0"}}""", "preset 'B-v0' (Gym:Envs:Presets:B-v0): its id 'A-v0' is another preset")]
    public void AMalformedPresetIsRefusedByName(string presets, string message)
    {
        var error = Assert.Throws<InvalidPresetException>(() => Read("{\"Gym\":{\"Envs\":{\"Presets\":" + presets + "}}}"));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AClientsKwargsOverrideThePresetsAndItsWrappersGoAroundThem()
    {
        var presets = Read("""{"Gym":{"Envs":{"Presets":{"Lake-v0":{"id":"FrozenLake-v1","kwargs":{"is_slippery":false,"map_name":"8x8"},"wrappers":[{"name":"TimeLimit","kwargs":{"max_episode_steps":3}}]}}}}}""");
        using var kwargs = JsonDocument.Parse("""{"map_name":"4x4","success_rate":0.5}""");
        var (id, merged, wrappers) = presets.Expand(
            "Lake-v0",
            kwargs.RootElement.EnumerateObject().ToDictionary(pair => pair.Name, pair => pair.Value.Clone()),
            [new WrapperSpec("ClipReward")]);
        Assert.Equal("FrozenLake-v1", id);
        Assert.Equal(["false", "\"4x4\"", "0.5"], new[] { "is_slippery", "map_name", "success_rate" }.Select(key => merged![key].GetRawText()));
        Assert.Equal(["TimeLimit", "ClipReward"], wrappers.Select(wrapper => wrapper.Name));
        Assert.Equal(("CartPole-v1", (IReadOnlyDictionary<string, JsonElement>?)null), (presets.Expand("CartPole-v1", null, []).Id, presets.Expand("CartPole-v1", null, []).Kwargs));
    }
}

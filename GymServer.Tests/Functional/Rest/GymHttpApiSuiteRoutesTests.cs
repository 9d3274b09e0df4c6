using System.Net;
using System.Text.Json;

namespace GymServer.Tests.Functional.Rest;

/// <summary>
/// What gym-http-api's own test suite (its tests/test_api.py, run unchanged by bench/gym-http-api-suite.sh) asks of
/// the server beyond its README: POST observation_space/contains, the "malformed environment ID" message, and
/// /v1/upload/'s parameter checks and refusal. Real server, real HTTP.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class GymHttpApiSuiteRoutesTests(GymServerFactory server)
{
    [Fact]
    public async Task ObservationSpaceContainsMatchesTheGivenPropertiesOfTheSpaceInfo()
    {
        using var client = new RestTestClient(server.HttpAddress);
        var instance = await client.CreateAsync("CartPole-v1");
        var info = (await client.GetAsync($"/v1/envs/{instance}/observation_space/")).Body.GetProperty("info");
        var route = $"/v1/envs/{instance}/observation_space/contains";

        // The suite's three calls, then the whole info as observation_space/ gave it (float32 bounds, infinities as 1e100).
        Assert.True(await MemberAsync(client, route, new { name = "Box" }));
        Assert.True(await MemberAsync(client, route, new { shape = new[] { 4 } }));
        Assert.True(await MemberAsync(client, route, new { name = "Box", shape = new[] { 4 } }));
        Assert.True(await MemberAsync(client, route, info));
        Assert.True((await client.PostRawAsync(route, "{\"shape\":[4.0]}")).Body.GetProperty("member").GetBoolean());
        Assert.True(await MemberAsync(client, route, new { }));

        Assert.False(await MemberAsync(client, route, new { name = "Discrete" }));
        Assert.False(await MemberAsync(client, route, new { name = "Box", shape = new[] { 5 } }));
        Assert.False(await MemberAsync(client, route, new { shape = new[] { 4, 1 } }));
        Assert.False(await MemberAsync(client, route, new { shape = 4 }));
        Assert.False(await MemberAsync(client, route, new { low = new[] { 0, 0, 0, 0 } }));
        await client.PostAsync($"/v1/envs/{instance}/close/");
    }

    [Fact]
    public async Task ObservationSpaceContainsOfADiscreteSpaceComparesN()
    {
        using var client = new RestTestClient(server.HttpAddress);
        var instance = await client.CreateAsync("FrozenLake-v1");
        var route = $"/v1/envs/{instance}/observation_space/contains";
        Assert.True(await MemberAsync(client, route, new { name = "Discrete", n = 16 }));
        Assert.False(await MemberAsync(client, route, new { n = 64 }));
        await client.PostAsync($"/v1/envs/{instance}/close/");
    }

    [Fact]
    public async Task ObservationSpaceContainsRefusesUnknownPropertiesBadBodiesAndUnknownInstances()
    {
        using var client = new RestTestClient(server.HttpAddress);
        var instance = await client.CreateAsync("CartPole-v1");
        var route = $"/v1/envs/{instance}/observation_space/contains";

        var (status, body) = await client.PostAsync(route, new { nmae = "Box" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("The observation space's info has no 'nmae' (it has name, shape, low, high)", body.GetProperty("message").GetString());
        (status, body) = await client.PostRawAsync(route, "[1, 2]");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Request is not a valid json", body.GetProperty("message").GetString());
        (status, body) = await client.PostAsync("/v1/envs/nosuch/observation_space/contains", new { name = "Box" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Instance_id nosuch unknown", body.GetProperty("message").GetString());

        // The env is untouched by all that.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/v1/envs/{instance}/reset/")).Status);
        await client.PostAsync($"/v1/envs/{instance}/close/");
    }

    [Theory]
    [InlineData("{\"env_id\":\"bad string\"}", "Attempted to look up malformed environment ID 'bad string'")]
    [InlineData("{\"env_id\":\"CartPole-v1\\n\"}", "Attempted to look up malformed environment ID 'CartPole-v1\n'")]
    [InlineData("{\"env_id\":\"a/b/CartPole-v1\"}", "Attempted to look up malformed environment ID 'a/b/CartPole-v1'")]
    [InlineData("{\"env_id\":5}", "Attempted to look up malformed environment ID '5'")]
    public async Task AMalformedEnvIdIsCalledMalformedAsGymHttpApiSaid(string body, string message)
    {
        using var client = new RestTestClient(server.HttpAddress);
        var (status, reply) = await client.PostRawAsync("/v1/envs/", body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var text = reply.GetProperty("message").GetString()!;
        Assert.StartsWith(message + ":", text);
        Assert.Contains("[namespace/]name[-vN]", text);
    }

    [Theory]
    [InlineData("NoSuchEnv-v0")]
    [InlineData("GymServerTest/NoSuchEnv-v0")]
    [InlineData("python:NoSuchEnv-v0")]
    public async Task AWellFormedUnknownIdIsUnknownNotMalformed(string envId)
    {
        using var client = new RestTestClient(server.HttpAddress);
        var (status, reply) = await client.PostAsync("/v1/envs/", new { env_id = envId });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var text = reply.GetProperty("message").GetString()!;
        Assert.DoesNotContain("malformed", text);
        Assert.Contains("NoSuchEnv-v0", text);
    }

    [Theory]
    [InlineData("{\"api_key\":\"k\"}", "A required request parameter 'training_dir' was not provided")]
    [InlineData("{\"training_dir\":\"tmp\",\"algorithm_id\":null,\"api_key\":\"\"}", "A required request parameter 'api_key' was not provided")]
    [InlineData("{\"training_dir\":\"tmp\"}", "A required request parameter 'api_key' was not provided")]
    [InlineData("null", "Request is not a valid json")]
    public async Task UploadChecksItsParametersAsGymHttpApiDid(string body, string message)
    {
        using var client = new RestTestClient(server.HttpAddress);
        var (status, reply) = await client.PostRawAsync("/v1/upload/", body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(message, reply.GetProperty("message").GetString());
    }

    [Fact]
    public async Task AnUploadWithEveryParameterIsRefusedSayingThereIsNothingToUploadTo()
    {
        using var client = new RestTestClient(server.HttpAddress);
        var (status, reply) = await client.PostAsync("/v1/upload/", new { training_dir = "tmp", algorithm_id = "a1", api_key = "sk-test" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var text = reply.GetProperty("message").GetString()!;
        Assert.StartsWith("There is nothing to upload to", text);
        Assert.Contains("/media/", text);
    }

    private static async Task<bool> MemberAsync(RestTestClient client, string route, object body)
    {
        var (status, reply) = await client.PostAsync(route, body);
        Assert.True(status == HttpStatusCode.OK, reply.ToString());
        return reply.GetProperty("member").GetBoolean();
    }
}

using System.Net;
using System.Text.Json;

namespace GymServer.Tests.Functional.Rest;

/// <summary>
/// Written from the "API specification" of gym-http-api's README, call by call in its order, against the real server:
/// what each call takes and what it returns, as a client written from that README relies on.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class GymHttpApiReadmeTests(GymServerFactory server)
{
    [Fact]
    public async Task TheReadmeCallsInOrder()
    {
        using var client = new RestTestClient(server.HttpAddress);

        // POST /v1/envs/ with env_id -> instance_id, a short identifier.
        var (status, created) = await client.PostAsync("/v1/envs/", new { env_id = "CartPole-v1" });
        Assert.Equal(HttpStatusCode.OK, status);
        var instance = created.GetProperty("instance_id").GetString()!;
        Assert.Matches("^[0-9a-f]+$", instance);

        // GET /v1/envs/ -> a dict mapping instance_id to env_id for every env on the server.
        var (_, listed) = await client.GetAsync("/v1/envs/");
        Assert.Equal("CartPole-v1", listed.GetProperty("all_envs").GetProperty(instance).GetString());

        // POST /v1/envs/<instance_id>/reset/ -> observation, the initial observation.
        var (_, reset) = await client.PostAsync($"/v1/envs/{instance}/reset/");
        Assert.Equal(4, reset.GetProperty("observation").GetArrayLength());

        // POST /v1/envs/<instance_id>/step/ with action -> observation, reward, done, info.
        var (_, stepped) = await client.PostAsync($"/v1/envs/{instance}/step/", new { action = 1 });
        Assert.Equal(4, stepped.GetProperty("observation").GetArrayLength());
        Assert.Equal(1.0, stepped.GetProperty("reward").GetDouble());
        Assert.False(stepped.GetProperty("done").GetBoolean());
        Assert.Equal(JsonValueKind.Object, stepped.GetProperty("info").ValueKind);

        // GET action_space/ -> info with 'name' and dimensional info such as 'n'.
        var (_, actionSpace) = await client.GetAsync($"/v1/envs/{instance}/action_space/");
        Assert.Equal("Discrete", actionSpace.GetProperty("info").GetProperty("name").GetString());
        Assert.Equal(2, actionSpace.GetProperty("info").GetProperty("n").GetInt32());

        // GET observation_space/ -> info with 'name' and, for a Box, its shape and bounds.
        var (_, observationSpace) = await client.GetAsync($"/v1/envs/{instance}/observation_space/");
        var info = observationSpace.GetProperty("info");
        Assert.Equal("Box", info.GetProperty("name").GetString());
        Assert.Equal("[4]", info.GetProperty("shape").GetRawText());
        Assert.Equal(4, info.GetProperty("low").GetArrayLength());
        Assert.Equal(4, info.GetProperty("high").GetArrayLength());

        // GET action_space/sample -> action, a member of the action space.
        var (_, sampled) = await client.GetAsync($"/v1/envs/{instance}/action_space/sample");
        Assert.InRange(sampled.GetProperty("action").GetInt32(), 0, 1);

        // GET action_space/contains/<x> -> member.
        Assert.True((await client.GetAsync($"/v1/envs/{instance}/action_space/contains/1")).Body.GetProperty("member").GetBoolean());
        Assert.False((await client.GetAsync($"/v1/envs/{instance}/action_space/contains/2")).Body.GetProperty("member").GetBoolean());

        // POST monitor/start/ with directory, force, resume -> 204; monitor/close/ -> 204.
        var (monitorStarted, _) = await client.PostAsync($"/v1/envs/{instance}/monitor/start/",
            new { directory = "/tmp/gym-results", force = true, resume = false });
        Assert.Equal(HttpStatusCode.NoContent, monitorStarted);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/v1/envs/{instance}/monitor/close/")).Status);

        // POST close/ -> 204, and the env is gone from the list.
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/v1/envs/{instance}/close/")).Status);
        Assert.False((await client.GetAsync("/v1/envs/")).Body.GetProperty("all_envs").TryGetProperty(instance, out _));
    }
}

using System.Net;
using System.Text.Json;
using GymServer.Engine.Recording;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GymServer.Tests.Functional.Rest;

/// <summary>The gym-http-api routes on the real server: replies, a full episode, errors as HTTP 400 messages, limits.</summary>
[Collection(ServerCollection.Name)]
public sealed class RestApiTests(GymServerFactory server)
{
    [Fact]
    public async Task AFullEpisodeEndsWithDoneAndTheMonitorsEpisodeStatistics()
    {
        using var client = new RestTestClient(server.HttpAddress);
        var instance = await client.CreateAsync("CartPole-v1");
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/v1/envs/{instance}/monitor/start/", new { directory = "out" })).Status);
        await client.PostAsync($"/v1/envs/{instance}/reset/");
        JsonElement step;
        var steps = 0;
        do
        {
            // Always pushing right topples the pole within a few dozen steps.
            (_, step) = await client.PostAsync($"/v1/envs/{instance}/step/", new { action = 1, render = false });
            steps++;
        }
        while (!step.GetProperty("done").GetBoolean() && steps < 600);
        Assert.InRange(steps, 5, 100);
        var episode = step.GetProperty("info").GetProperty("episode");
        Assert.Equal(steps, episode.GetProperty("l").GetInt32());
        Assert.Equal(steps, episode.GetProperty("r").GetDouble());

        // The monitor records like the TCP protocol's record_episode_stats: episode 0 is on the default schedule.
        await server.Services.GetRequiredService<MediaRecorder>().IdleAsync();
        var metadataPath = Path.Combine(server.Services.GetRequiredService<MediaOptions>().Root, instance, "episode-000000.json");
        using var metadata = JsonDocument.Parse(await File.ReadAllTextAsync(metadataPath));
        Assert.Equal(steps, metadata.RootElement.GetProperty("length").GetInt32());
        Assert.Equal("complete", metadata.RootElement.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/v1/envs/{instance}/monitor/close/")).Status);
        await client.PostAsync($"/v1/envs/{instance}/close/");
    }

    [Fact]
    public async Task ASeedAtCreationMakesTheFirstResetRepeatable()
    {
        using var client = new RestTestClient(server.HttpAddress);
        var observations = new List<string>();
        foreach (var seed in new[] { 5, 5, 6 })
        {
            var (_, created) = await client.PostAsync("/v1/envs/", new { env_id = "CartPole-v1", seed });
            var instance = created.GetProperty("instance_id").GetString()!;
            observations.Add((await client.PostAsync($"/v1/envs/{instance}/reset/")).Body.GetProperty("observation").GetRawText());
            await client.PostAsync($"/v1/envs/{instance}/close/");
        }
        Assert.Equal(observations[0], observations[1]);
        Assert.NotEqual(observations[0], observations[2]);
    }

    [Fact]
    public async Task BoxActionsAreListsAndContainsTakesThemAsJson()
    {
        using var client = new RestTestClient(server.HttpAddress);
        var instance = await client.CreateAsync("Pendulum-v1");
        await client.PostAsync($"/v1/envs/{instance}/reset/");
        var (status, step) = await client.PostAsync($"/v1/envs/{instance}/step/", new { action = new[] { 0.5 } });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(3, step.GetProperty("observation").GetArrayLength());
        Assert.Equal(1, (await client.GetAsync($"/v1/envs/{instance}/action_space/sample")).Body.GetProperty("action").GetArrayLength());
        Assert.True((await client.GetAsync($"/v1/envs/{instance}/action_space/contains/[1.5]")).Body.GetProperty("member").GetBoolean());
        Assert.False((await client.GetAsync($"/v1/envs/{instance}/action_space/contains/[2.5]")).Body.GetProperty("member").GetBoolean());
        Assert.False((await client.GetAsync($"/v1/envs/{instance}/action_space/contains/abc")).Body.GetProperty("member").GetBoolean());
        await client.PostAsync($"/v1/envs/{instance}/close/");
    }

    [Theory]
    [InlineData("POST", "/v1/envs/nosuch/reset/")]
    [InlineData("POST", "/v1/envs/nosuch/step/")]
    [InlineData("GET", "/v1/envs/nosuch/action_space/")]
    [InlineData("GET", "/v1/envs/nosuch/observation_space/")]
    [InlineData("GET", "/v1/envs/nosuch/action_space/sample")]
    [InlineData("GET", "/v1/envs/nosuch/action_space/contains/1")]
    [InlineData("POST", "/v1/envs/nosuch/close/")]
    [InlineData("POST", "/v1/envs/nosuch/monitor/start/")]
    [InlineData("POST", "/v1/envs/nosuch/monitor/close/")]
    public async Task AnUnknownInstanceIsA400WithAMessage(string method, string route)
    {
        using var client = new RestTestClient(server.HttpAddress);
        var (status, body) = method == "GET"
            ? await client.GetAsync(route)
            : await client.PostAsync(route, new { action = 0, directory = "out" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Instance_id nosuch unknown", body.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("{}", "A required request parameter 'env_id' was not provided")]
    [InlineData("{\"env_id\":\"\"}", "A required request parameter 'env_id' was not provided")]
    [InlineData("not json", "Request is not a valid json")]
    [InlineData("{\"env_id\":\"NoSuchEnv-v0\"}", "NoSuchEnv-v0")]
    public async Task CreateRefusesBadBodiesAndUnknownIds(string body, string message)
    {
        using var client = new RestTestClient(server.HttpAddress);
        var (status, reply) = await client.PostRawAsync("/v1/envs/", body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, reply.GetProperty("message").GetString());
    }

    [Fact]
    public async Task StepRefusesMissingAndBadActionsAndAStepBeforeReset()
    {
        using var client = new RestTestClient(server.HttpAddress);
        var instance = await client.CreateAsync("CartPole-v1");
        var before = await client.PostAsync($"/v1/envs/{instance}/step/", new { action = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, before.Status);
        Assert.Contains("reset", before.Body.GetProperty("message").GetString());
        await client.PostAsync($"/v1/envs/{instance}/reset/");
        var missing = await client.PostAsync($"/v1/envs/{instance}/step/", new { render = false });
        Assert.Equal("A required request parameter 'action' was not provided", missing.Body.GetProperty("message").GetString());
        var outside = await client.PostAsync($"/v1/envs/{instance}/step/", new { action = 3 });
        Assert.Equal(HttpStatusCode.BadRequest, outside.Status);
        Assert.Contains("not in the action space", outside.Body.GetProperty("message").GetString());
        var monitor = await client.PostAsync($"/v1/envs/{instance}/monitor/start/", new { force = true });
        Assert.Equal("A required request parameter 'directory' was not provided", monitor.Body.GetProperty("message").GetString());
        await client.PostAsync($"/v1/envs/{instance}/close/");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync($"/v1/envs/{instance}/close/")).Status);
    }

    [Fact]
    public async Task ShutdownIsRefusedUnlessEnabled()
    {
        using var client = new RestTestClient(server.HttpAddress);
        var (status, body) = await client.PostAsync("/v1/shutdown/");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("AllowShutdown", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task ShutdownStopsTheServerWhenEnabled()
    {
        await using var own = GymServerFactory.With(new Dictionary<string, string?> { ["Gym:Rest:AllowShutdown"] = "true" });
        var stopping = new TaskCompletionSource();
        own.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => stopping.TrySetResult());
        using var http = new HttpClient { BaseAddress = own.HttpAddress };
        using var response = await http.PostAsync("/v1/shutdown/", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Server shutting down", await response.Content.ReadAsStringAsync());
        await stopping.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task TheStoreHoldsAtMostMaxEnvsAndClosesThemAtShutdown()
    {
        var own = GymServerFactory.With(new Dictionary<string, string?> { ["Gym:Rest:MaxEnvs"] = "2" });
        var activity = own.Services.GetRequiredService<GymServer.Engine.Sessions.NodeActivity>();
        using (var client = new RestTestClient(own.HttpAddress))
        {
            var first = await client.CreateAsync("CartPole-v1");
            await client.CreateAsync("FrozenLake-v1");
            var (status, body) = await client.PostAsync("/v1/envs/", new { env_id = "CartPole-v1" });
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Contains("at most 2", body.GetProperty("message").GetString());
            await client.PostAsync($"/v1/envs/{first}/close/");
            await client.CreateAsync("CartPole-v1");
            Assert.Equal(2, (await client.GetAsync("/v1/envs/")).Body.GetProperty("all_envs").EnumerateObject().Count());
        }
        Assert.Equal(2, activity.EnvsByBackend().Values.Sum());
        await own.DisposeAsync();
        Assert.Equal(0, activity.EnvsByBackend().Values.Sum());
    }
}

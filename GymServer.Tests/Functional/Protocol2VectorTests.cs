using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Protocol.Values;

namespace GymServer.Tests.Functional;

/// <summary>Protocol-2 vector envs over a real socket, checked against single envs run with the same seeds.</summary>
[Collection(ServerCollection.Name)]
public sealed class Protocol2VectorTests(GymServerFactory server)
{
    private static readonly EnvRegistry Registry = NativeEnvironments.CreateRegistry();

    [Fact]
    public async Task MakeVecRepliesTheSingleSpacesAndTheCount()
    {
        await using var client = await Protocol2.ConnectAsync(server);
        var reply = await client.SendAsync("make_vec", new { id = "FrozenLake-v1", num_envs = 3, kwargs = new { map_name = "8x8" } });
        Assert.Equal(["instance", "id", "backend", "num_envs", "single_observation_space", "single_action_space"],
            reply.EnumerateObject().Select(member => member.Name));
        Assert.Matches("^[0-9a-f]{13}$", reply.GetProperty("instance").GetString());
        Assert.Equal(3, reply.GetProperty("num_envs").GetInt32());
        Assert.Equal("{\"type\":\"Discrete\",\"n\":64,\"start\":0}", reply.GetProperty("single_observation_space").GetRawText());
        Assert.Equal("{\"type\":\"Discrete\",\"n\":4,\"start\":0}", reply.GetProperty("single_action_space").GetRawText());
    }

    [Theory]
    [InlineData("CartPole-v1", 4)]
    [InlineData("FrozenLake-v1", 3)]
    public async Task StepVecMatchesSingleEnvsSeededSeedPlusIWithNextStepAutoreset(string id, int count)
    {
        await using var client = await Protocol2.ConnectAsync(server);
        var instance = (await client.SendAsync("make_vec", new { id, num_envs = count })).GetProperty("instance").GetString()!;

        // The reference: Gymnasium's SyncVectorEnv by hand. Env i is reset with seed 10 + i; a step after an episode
        // ended resets that env (unseeded) instead, with reward 0 and both flags false.
        var envs = Enumerable.Range(0, count).Select(_ => Registry.Make(id)).ToArray();
        try
        {
            var observations = envs.Select(env => new byte[env.ObservationSpace.ByteSize]).ToArray();
            var info = new EnvInfo();
            for (var i = 0; i < count; i++)
            {
                envs[i].Reset(10 + i, null, observations[i], info);
            }
            var reset = await client.SendAsync("reset_vec", new { instance, seed = 10 });
            Assert.Equal(["observations", "infos"], reset.EnumerateObject().Select(member => member.Name));
            AssertObservations(envs, observations, reset.GetProperty("observations"));
            Assert.Equal(count, reset.GetProperty("infos").GetArrayLength());

            var autoreset = new bool[count];
            var episodesEnded = 0;
            var random = new Random(5);
            for (var step = 0; step < 120; step++)
            {
                var actions = envs.Select(env => (long)random.Next((int)((GymServer.Engine.Spaces.Discrete)env.ActionSpace).N)).ToArray();
                var expected = new StepResult[count];
                var resetsNow = (bool[])autoreset.Clone();
                for (var i = 0; i < count; i++)
                {
                    if (autoreset[i])
                    {
                        envs[i].Reset(null, null, observations[i], info);
                        expected[i] = new StepResult(0, false, false);
                    }
                    else
                    {
                        expected[i] = envs[i].Step(BitConverter.GetBytes(actions[i]), observations[i], info);
                    }
                    autoreset[i] = expected[i].Done;
                }

                var reply = await client.SendAsync("step_vec", new { instance, actions });
                Assert.Equal(["observations", "rewards", "terminated", "truncated", "infos"], reply.EnumerateObject().Select(member => member.Name));
                AssertObservations(envs, observations, reply.GetProperty("observations"));
                for (var i = 0; i < count; i++)
                {
                    Assert.Equal(expected[i].Reward, reply.GetProperty("rewards")[i].GetDouble());
                    Assert.Equal(expected[i].Terminated, reply.GetProperty("terminated")[i].GetBoolean());
                    Assert.Equal(expected[i].Truncated, reply.GetProperty("truncated")[i].GetBoolean());
                    if (resetsNow[i])
                    {
                        Assert.Equal(id == "FrozenLake-v1" ? "0" : "0.0", reply.GetProperty("rewards")[i].GetRawText());
                    }
                    episodesEnded += expected[i].Done ? 1 : 0;
                }
            }
            // The run must have gone through autoresets for the comparison to cover them.
            Assert.True(episodesEnded >= count, $"only {episodesEnded} episodes ended");
        }
        finally
        {
            foreach (var env in envs)
            {
                env.Dispose();
            }
        }
    }

    [Fact]
    public async Task VectorErrors()
    {
        await using var client = await Protocol2.ConnectAsync(server);
        Replies.AssertError(await client.SendAsync("make_vec", new { id = "CartPole-v1", num_envs = 0 }), "invalid_argument", "from 1 to 4096");
        Replies.AssertError(await client.SendAsync("make_vec", new { id = "CartPole-v1" }), "invalid_request", "make_vec needs num_envs");
        Replies.AssertError(await client.SendAsync("make_vec", new { id = "CartPol-v1", num_envs = 2 }), "unknown_env", "CartPole-v1");
        var vector = (await client.SendAsync("make_vec", new { id = "CartPole-v1", num_envs = 2 })).GetProperty("instance").GetString()!;
        var single = await client.MakeAsync("CartPole-v1");

        Replies.AssertError(await client.SendAsync("step_vec", new { instance = vector, actions = new[] { 0, 1 } }), "reset_needed", "reset");
        await client.SendAsync("reset_vec", new { instance = vector, seed = 1 });
        Replies.AssertError(await client.SendAsync("step_vec", new { instance = vector, actions = new[] { 0 } }), "invalid_action", "expected 2 actions");
        Replies.AssertError(await client.SendAsync("step_vec", new { instance = vector, actions = new[] { 0, 2 } }), "invalid_action", "actions[1]");
        Replies.AssertError(await client.SendAsync("step_vec", new { instance = vector, actions = 1 }), "invalid_request", "must be a list");
        Replies.AssertError(await client.SendAsync("step", new { instance = vector, action = 1 }), "unknown_instance", "is a vector env");
        Replies.AssertError(await client.SendAsync("reset_vec", new { instance = single }), "unknown_instance", "is a single env");
        Replies.AssertError(await client.SendAsync("reset_vec", new { instance = "0000000000000", seed = -2 }), "invalid_argument", "reset_vec.seed");

        // A refused action left the vector as it was: the next step is the first after the reset.
        using var env = Registry.Make("CartPole-v1");
        var obs = new byte[env.ObservationSpace.ByteSize];
        env.Reset(1, null, obs, new EnvInfo());
        env.Step(BitConverter.GetBytes(1L), obs, new EnvInfo());
        var step = await client.SendAsync("step_vec", new { instance = vector, actions = new[] { 1, 1 } });
        Assert.Equal(env.ObservationSpace.ValueJson(obs), step.GetProperty("observations")[0].GetRawText());

        Protocol2.AssertOk(await client.SendAsync("close", new { instance = vector }));
        Replies.AssertError(await client.SendAsync("reset_vec", new { instance = vector }), "unknown_instance", vector);
        var another = (await client.SendAsync("make_vec", new { id = "CartPole-v1", num_envs = 2 })).GetProperty("instance").GetString()!;
        Protocol2.AssertOk(await client.SendAsync("close", new { all = true }));
        Replies.AssertError(await client.SendAsync("reset_vec", new { instance = another }), "unknown_instance", another);
    }

    private static void AssertObservations(IEnv[] envs, byte[][] observations, JsonElement actual)
    {
        Assert.Equal(envs.Length, actual.GetArrayLength());
        for (var i = 0; i < envs.Length; i++)
        {
            Assert.Equal(envs[i].ObservationSpace.ValueJson(observations[i]), actual[i].GetRawText());
        }
    }
}

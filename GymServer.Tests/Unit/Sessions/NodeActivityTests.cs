using GymServer.Engine.Admission;
using GymServer.Engine.Environments;
using GymServer.Engine.Sessions;

namespace GymServer.Tests.Unit.Sessions;

/// <summary>The node's counters as sessions open envs, step them through episodes and close.</summary>
public sealed class NodeActivityTests
{
    private static readonly EnvCatalog Catalog = new([new NativeEnvProvider(NativeEnvironments.CreateRegistry())]);

    [Fact]
    public async Task SessionsEnvsStepsAndEpisodesAreCountedAndEpisodeEndsAnnounced()
    {
        var activity = new NodeActivity();
        var announced = new List<EpisodeRecord>();
        activity.EpisodeEnded += announced.Add;
        var session = new Session(Catalog, ClientAdmission.WithoutNode(16), activity);
        var env = await session.OpenAsync("CartPole-v1", CancellationToken.None);
        Assert.Equal(1, activity.Sessions);
        Assert.Equal(1, activity.EnvsByBackend()["native"]);

        long steps = 0;
        for (var episode = 0; episode < 2; episode++)
        {
            await env.ResetAsync(seed: episode, options: null, CancellationToken.None);
            bool done;
            do
            {
                BitConverter.TryWriteBytes(env.Action, 1L);
                var (result, reported) = await env.StepAsync(CancellationToken.None);
                Assert.Null(reported); // the client did not ask for statistics
                done = result.Done;
                steps++;
            }
            while (!done);
        }

        Assert.Equal(steps, activity.Steps);
        Assert.Equal(2, activity.Episodes);
        Assert.Equal([0L, 1L], announced.Select(e => e.Episode));
        Assert.All(announced, e => Assert.Equal(("CartPole-v1", "native", env.InstanceId), (e.EnvId, e.Backend, e.InstanceId)));
        Assert.Equal(steps, announced.Sum(e => e.Length));
        Assert.Equal(announced.Select(e => e.Return), announced.Select(e => (double)e.Length)); // CartPole pays 1 per step
        Assert.Equal(announced.AsEnumerable().Reverse(), activity.RecentEpisodes());

        await session.DisposeAsync();
        Assert.Equal(0, activity.Sessions);
        Assert.Equal(0, activity.EnvsByBackend()["native"]);
    }

    [Fact]
    public void RecentEpisodesKeepsOnlyTheNewest()
    {
        var activity = new NodeActivity();
        for (var i = 0; i < NodeActivity.RecentCapacity + 5; i++)
        {
            activity.OnEpisodeEnded(new EpisodeRecord("i", "CartPole-v1", "native", i, 1, 1, 0, DateTimeOffset.UnixEpoch));
        }
        var recent = activity.RecentEpisodes();
        Assert.Equal(NodeActivity.RecentCapacity, recent.Count);
        Assert.Equal(NodeActivity.RecentCapacity + 4, recent[0].Episode);
        Assert.Equal(3, activity.RecentEpisodes(3).Count);
    }
}

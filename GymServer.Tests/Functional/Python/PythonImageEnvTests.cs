using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Engine.Python;
using GymServer.Engine.Spaces;
using GymServer.Protocol.Spaces;
using GymServer.Protocol.Values;

namespace GymServer.Tests.Functional.Python;

/// <summary>An Atari-sized env (uint8 84x84x3 observations) through real worker processes.</summary>
[Collection(PythonWorkersCollection.Name)]
public sealed class PythonImageEnvTests
{
    private const string ImageEnv = "GymServerTest/Image-v0";

    [Fact]
    public async Task MakeDescribesTheSpacesAndSpec()
    {
        await using var pool = await PythonTestPool.StartAsync(workers: 1);
        Assert.True(pool.Provider.Serves(ImageEnv));
        Assert.Contains("CartPole-v1", pool.Provider.Ids);
        await using var env = await pool.MakeAsync(ImageEnv);

        var observation = Assert.IsType<Box>(env.ObservationSpace);
        Assert.Equal([84, 84, 3], observation.Shape.ToArray());
        Assert.Equal(DType.UInt8, observation.DType);
        Assert.Equal(84 * 84 * 3, observation.ByteSize);
        Assert.Equal(4, Assert.IsType<Discrete>(env.ActionSpace).N);
        Assert.Equal(ImageEnv, env.Spec.Id);
        Assert.Equal(100, env.Spec.MaxEpisodeSteps);
        Assert.Equal(30, env.Spec.RenderFps);
        Assert.Equal("python", env.Backend);

        var (described, action) = await env.DescribeSpacesAsync(CancellationToken.None);
        Assert.Equal(env.ObservationSpace.DescriptionJson(), described.DescriptionJson());
        Assert.Equal(env.ActionSpace.DescriptionJson(), action.DescriptionJson());
    }

    [Fact]
    public async Task ResetAndStepFillTheCallersBuffers()
    {
        await using var pool = await PythonTestPool.StartAsync(workers: 1);
        var kwargs = new Dictionary<string, JsonElement> { ["lives"] = JsonDocument.Parse("5").RootElement };
        await using var env = await pool.MakeAsync(ImageEnv, kwargs: kwargs);
        var first = new byte[env.ObservationSpace.ByteSize];
        var second = new byte[env.ObservationSpace.ByteSize];
        var info = new EnvInfo();

        await env.ResetAsync(7, null, first, info, CancellationToken.None);
        Assert.True(env.ObservationSpace.Contains(first));
        Assert.Equal("5", RawInfo(info, "lives"));
        await env.ResetAsync(7, null, second, info, CancellationToken.None);
        Assert.Equal(first, second);
        await env.ResetAsync(8, null, second, info, CancellationToken.None);
        Assert.NotEqual(first, second);

        var action = new byte[8];
        Discrete.Write(action, 3);
        var result = await env.StepAsync(action, second, info, CancellationToken.None);
        Assert.Equal(1.5, result.Reward);
        Assert.False(result.Terminated);
        Assert.False(result.Truncated);
        Assert.Equal("1", RawInfo(info, "step"));
        Assert.True(env.ObservationSpace.Contains(second));
    }

    [Fact]
    public async Task EpisodesEndAsTheEnvSays()
    {
        await using var pool = await PythonTestPool.StartAsync(workers: 1);
        await using var env = await pool.MakeAsync(ImageEnv);
        var observation = new byte[env.ObservationSpace.ByteSize];
        var info = new EnvInfo();
        var action = new byte[8];
        await env.ResetAsync(1, null, observation, info, CancellationToken.None);
        StepResult result = default;
        var steps = 0;
        while (!result.Done)
        {
            result = await env.StepAsync(action, observation, info, CancellationToken.None);
            steps++;
        }
        Assert.Equal(50, steps);
        Assert.True(result.Terminated);
    }

    [Fact]
    public async Task SampleIsSeededAndInsideTheSpace()
    {
        await using var pool = await PythonTestPool.StartAsync(workers: 1);
        await using var env = await pool.MakeAsync(ImageEnv);
        var first = new byte[env.ObservationSpace.ByteSize];
        var again = new byte[env.ObservationSpace.ByteSize];
        await env.SampleAsync(actionSpace: false, seed: 3, first, CancellationToken.None);
        await env.SampleAsync(actionSpace: false, seed: 3, again, CancellationToken.None);
        Assert.Equal(first, again);
        Assert.True(env.ObservationSpace.Contains(first));
        var action = new byte[8];
        await env.SampleAsync(actionSpace: true, seed: null, action, CancellationToken.None);
        Assert.True(env.ActionSpace.Contains(action));
    }

    [Fact]
    public async Task RenderReturnsRawFrameWithDtypeAndShape()
    {
        await using var pool = await PythonTestPool.StartAsync(workers: 1);
        await using var env = await pool.MakeAsync(ImageEnv, renderMode: "rgb_array");
        var observation = new byte[env.ObservationSpace.ByteSize];
        await env.ResetAsync(0, null, observation, new EnvInfo(), CancellationToken.None);
        var frame = await env.RenderAsync(CancellationToken.None);
        Assert.Equal(PythonRender.ArrayKind, frame.Kind);
        Assert.Equal("uint8", frame.DType);
        Assert.Equal([42, 42, 3], frame.Shape);
        // The frame is the observation at half resolution: pixel (1, 1) is observation pixel (2, 2).
        Assert.Equal(observation.AsSpan((2 * 84 + 2) * 3, 3).ToArray(), frame.Data.AsSpan((42 + 1) * 3, 3).ToArray());
    }

    [Fact]
    public async Task CloseFreesTheWorkerAndRetiresTheInstance()
    {
        await using var pool = await PythonTestPool.StartAsync(workers: 1);
        var env = await pool.MakeAsync(ImageEnv);
        Assert.Equal(1, pool.Pool.GetStatus().Envs);
        await env.DisposeAsync();
        Assert.Equal(0, pool.Pool.GetStatus().Envs);
        await Assert.ThrowsAsync<ObjectDisposedException>(
            async () => await env.ResetAsync(null, null, new byte[env.ObservationSpace.ByteSize], new EnvInfo(), CancellationToken.None));
    }

    internal static string RawInfo(EnvInfo info, string key)
    {
        Assert.True(info.TryGet(key, out var entry), $"info has no '{key}'");
        Assert.Equal(InfoKind.RawJson, entry.Kind);
        return System.Text.Encoding.UTF8.GetString(entry.RawJson.Span);
    }
}

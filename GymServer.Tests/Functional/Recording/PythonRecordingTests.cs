using System.Text.Json;
using GymServer.Engine.Python;
using GymServer.Engine.Sessions;
using GymServer.Tests.Functional.Python;

namespace GymServer.Tests.Functional.Recording;

/// <summary>Python envs recorded through real worker processes (the fake gymnasium's CartPole draws 60x40 frames).</summary>
[Collection(PythonWorkersCollection.Name)]
public sealed class PythonRecordingTests
{
    [Fact]
    public async Task APythonEnvMadeWithoutRenderModeIsRemadeToRenderAndItsEpisodeRecorded()
    {
        await using var pool = await PythonTestPool.StartAsync(workers: 1);
        using var kit = new RecordingKit();
        await using var session = kit.NewSession(new EnvCatalog([pool.Provider], new EnvCatalogOptions { PreferredBackend = "python" }));
        var env = await session.OpenAsync("CartPole-v1", CancellationToken.None);
        var python = Assert.IsType<PythonEnvInstance>(env.Instance);
        Assert.Null(python.RenderMode);

        await kit.Recorder.StartAsync(env, schedule: null, CancellationToken.None);
        Assert.Equal("rgb_array", python.RenderMode);
        var length = await RecordingKit.RunEpisodeAsync(env, seed: 5);
        await kit.Recorder.IdleAsync();

        var probe = await Ffprobe.ProbeAsync(kit.Media.File(env.InstanceId, "episode-000000.mp4"));
        Assert.Equal(new Ffprobe("h264", "yuv420p", 60, 40, length + 1), probe);
        using var metadata = JsonDocument.Parse(File.ReadAllBytes(kit.Media.File(env.InstanceId, "episode-000000.json")));
        Assert.Equal("complete", metadata.RootElement.GetProperty("status").GetString());
        Assert.Equal(5, metadata.RootElement.GetProperty("seed").GetInt32());
        // One env in the worker: the one made without render_mode was closed when its replacement was made.
        Assert.Equal(1, pool.Pool.GetStatus().Envs);
    }

    [Fact]
    public async Task AnEnvThatCannotRenderRgbArrayFailsTheRecordRequestWithItsError()
    {
        await using var pool = await PythonTestPool.StartAsync(workers: 1);
        using var kit = new RecordingKit();
        await using var session = kit.NewSession(new EnvCatalog([pool.Provider], new EnvCatalogOptions { PreferredBackend = "python" }));
        // Its constructor takes no render_mode, so it cannot be made again to render.
        var env = await session.OpenAsync("GymServerTest/Raising-v0", CancellationToken.None);

        var error = await Assert.ThrowsAnyAsync<Engine.Environments.EnvException>(
            async () => await kit.Recorder.StartAsync(env, schedule: null, CancellationToken.None));
        Assert.NotEmpty(error.Message);
        Assert.Null(env.Recording);
    }
}

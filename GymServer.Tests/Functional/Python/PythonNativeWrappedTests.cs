using System.Numerics;
using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Engine.Python;
using GymServer.Engine.Sessions;
using GymServer.Engine.Spaces;
using GymServer.Engine.Wrappers;
using GymServer.Protocol.Spaces;
using GymServer.Protocol.Values;

namespace GymServer.Tests.Functional.Python;

/// <summary>
/// The observation transforms that end a Python env's wrapper list run in the server (Gym:Envs:NativeObservationWrappers,
/// on by default) on what real worker processes return, with the spaces of the whole chain; off, the worker applies
/// every wrapper. The fake gymnasium's ResizeObservation picks every other pixel where OpenCV's INTER_AREA averages,
/// so the observations tell which side resized.
/// </summary>
[Collection(PythonWorkersCollection.Name)]
public sealed class PythonNativeWrappedTests
{
    private const string ImageEnv = "GymServerTest/Image-v0";

    private static readonly WrapperSpec[] AtariChain =
    [
        new("MaxAndSkipObservation", Kwargs("""{"skip": 2}""")),
        new("GrayscaleObservation"),
        new("ResizeObservation", Kwargs("""{"shape": [42, 42]}""")),
        new("FrameStackObservation", Kwargs("""{"stack_size": 4}""")),
    ];

    [Fact]
    public async Task TheTrailingImageWrappersRunInTheServerAndOffTheWorkerRunsThemAll()
    {
        await using var pool = await PythonTestPool.StartAsync(workers: 1);
        var serverSide = Catalog(pool, native: true);
        var workerSide = Catalog(pool, native: false);
        await using var raw = await serverSide.MakeAsync(ImageEnv, null, CancellationToken.None);
        await using var wrapped = await serverSide.MakeAsync(ImageEnv, null, AtariChain, null, CancellationToken.None);
        await using var inWorker = await workerSide.MakeAsync(ImageEnv, null, AtariChain, null, CancellationToken.None);

        Assert.IsType<NativeWrappedEnvInstance>(wrapped);
        Assert.IsType<PythonEnvInstance>(inWorker);
        Assert.Equal("python", wrapped.Backend);
        Assert.Equal(inWorker.ObservationSpace.DescriptionJson(), wrapped.ObservationSpace.DescriptionJson());
        Assert.Equal(inWorker.ActionSpace.DescriptionJson(), wrapped.ActionSpace.DescriptionJson());
        Assert.Equal(inWorker.Spec, wrapped.Spec);

        var frame = new byte[raw.ObservationSpace.ByteSize];
        await raw.ResetAsync(4, null, frame, new EnvInfo(), CancellationToken.None);
        var info = new EnvInfo();
        var byServer = new byte[wrapped.ObservationSpace.ByteSize];
        await wrapped.ResetAsync(4, null, byServer, info, CancellationToken.None);
        Assert.True(info.TryGet("lives", out _), "the worker's info reaches the client through the server's wrappers");
        var byWorker = new byte[inWorker.ObservationSpace.ByteSize];
        await inWorker.ResetAsync(4, null, byWorker, new EnvInfo(), CancellationToken.None);

        // The server: Gymnasium's formula and OpenCV's area average, stacked four times after a reset.
        using var native = NativeWrappers.Apply(new OneFrameEnv(raw.ObservationSpace, frame), AtariChain[1..]);
        var expected = new byte[native.ObservationSpace.ByteSize];
        native.Reset(null, null, expected, new EnvInfo());
        Assert.Equal(expected, byServer);
        // The worker (the fake gymnasium): the same gray, every other pixel.
        var gray = new byte[84 * 84];
        Luminance.Convert(frame, gray);
        var sampled = Enumerable.Range(0, 42 * 42).Select(i => gray[(2 * (i / 42) * 84) + (2 * (i % 42))]).ToArray();
        Assert.Equal(Enumerable.Repeat(sampled, 4).SelectMany(f => f), byWorker);
        Assert.NotEqual(byWorker, byServer);

        // Steps: MaxAndSkipObservation in the worker sums two rewards of 1.5; the stack moves on by one frame.
        var action = new byte[8];
        Discrete.Write(action, 3);
        var result = await wrapped.StepAsync(action, byServer, info, CancellationToken.None);
        Assert.Equal(3.0, result.Reward);
        Assert.Equal(expected.AsSpan(42 * 42), byServer.AsSpan(0, 3 * 42 * 42));
    }

    [Fact]
    public async Task EverySubEnvOfAVectorIsWrappedInTheServer()
    {
        await using var pool = await PythonTestPool.StartAsync(workers: 2);
        var subEnvs = await Catalog(pool, native: true).MakeVectorAsync(ImageEnv, 3, null, AtariChain, CancellationToken.None);
        try
        {
            Assert.All(subEnvs, subEnv => Assert.IsType<NativeWrappedEnvInstance>(subEnv));
            Assert.Equal(3, subEnvs.Select(subEnv => subEnv.InstanceId).Distinct().Count());
            var observation = new byte[subEnvs[0].ObservationSpace.ByteSize];
            Assert.Equal(4 * 42 * 42, observation.Length);
            var action = new byte[8];
            Discrete.Write(action, 1);
            foreach (var subEnv in subEnvs)
            {
                await subEnv.ResetAsync(1, null, observation, new EnvInfo(), CancellationToken.None);
                Assert.Equal(1.0, (await subEnv.StepAsync(action, observation, new EnvInfo(), CancellationToken.None)).Reward);
            }

            // Batched as a vector step batches them: queued per worker, sent together, each chain run on its reply.
            var batches = subEnvs.Select(subEnv => subEnv.CallBatch).OfType<IEnvCallBatch>().Distinct().ToArray();
            Assert.Equal(2, batches.Length);
            var observations = subEnvs.Select(subEnv => new byte[subEnv.ObservationSpace.ByteSize]).ToArray();
            foreach (var batch in batches)
            {
                batch.Collect();
            }
            var steps = subEnvs.Select((subEnv, i) => subEnv.StepAsync(action, observations[i], new EnvInfo(), CancellationToken.None).AsTask()).ToArray();
            Assert.DoesNotContain(steps, step => step.IsCompleted);
            foreach (var batch in batches)
            {
                batch.Send();
            }
            Assert.All(await Task.WhenAll(steps), result => Assert.Equal(1.0, result.Reward));
            Assert.All(observations, stacked => Assert.Contains(stacked, pixel => pixel != 0));
        }
        finally
        {
            foreach (var subEnv in subEnvs)
            {
                await subEnv.DisposeAsync();
            }
        }
    }

    private static EnvCatalog Catalog(PythonTestPool pool, bool native) =>
        new([pool.Provider], new EnvCatalogOptions { PreferredBackend = "python", NativeObservationWrappers = native });

    private static Dictionary<string, JsonElement> Kwargs(string json) =>
        JsonDocument.Parse(json).RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());

    /// <summary>An env whose every observation is one given frame.</summary>
    private sealed class OneFrameEnv(Space observationSpace, byte[] frame) : IEnv
    {
        public EnvSpec Spec { get; } = new("OneFrame-v0", MaxEpisodeSteps: null, RewardThreshold: null);

        public Space ObservationSpace => observationSpace;

        public Space ActionSpace { get; } = new Discrete(4);

        public void Reset(BigInteger? seed, JsonElement? options, Span<byte> observation, EnvInfo info) => frame.CopyTo(observation);

        public StepResult Step(ReadOnlySpan<byte> action, Span<byte> observation, EnvInfo info)
        {
            frame.CopyTo(observation);
            return default;
        }

        public void Dispose()
        {
        }
    }
}

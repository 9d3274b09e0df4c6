using GymServer.Protocol.Binary;

namespace GymServer.Client.Tests;

/// <summary>
/// Protocol 2's frame compression through <see cref="GymClient"/>: a connection proposing codecs gets the server's
/// pick, and its compressed step_vec replies decode to what an uncompressed connection gets with the same seeds.
/// </summary>
public sealed class FrameCompressionTests : IAsyncLifetime
{
    private ServerFixture _server = null!;

    public Task InitializeAsync()
    {
        _server = ServerFixture.WithPythonWorkers();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData(FrameCodec.Lz4)]
    [InlineData(FrameCodec.Zstd)]
    public async Task CompressedVectorStepsMatchUncompressedOnes(FrameCodec codec)
    {
        await using var plain = await ConnectAsync([]);
        await using var compressed = await ConnectAsync([codec, FrameCodec.Lz4]);
        Assert.Equal(FrameCodec.None, plain.Compression);
        Assert.Equal(codec, compressed.Compression);

        // 128 CartPoles: a 2,100-byte payload, past the server's threshold; and an 84x84x3 Python image env.
        await AssertSameStepsAsync(plain, compressed, "CartPole-v1", 128, (step, i) => (long)((step + i) % 2));
        await AssertSameStepsAsync(plain, compressed, "GymServerTest/Image-v0", 2, (step, i) => (long)((step + i) % 4));
    }

    [Fact]
    public async Task CompressionNeedsTheBinaryEncoding()
    {
        var options = new GymClientOptions { Encoding = GymEncoding.Json, Compression = [FrameCodec.Lz4] };
        await Assert.ThrowsAsync<ArgumentException>(() => GymClient.ConnectAsync("127.0.0.1", _server.TcpPort, options));
    }

    private Task<GymClient> ConnectAsync(FrameCodec[] codecs) => GymClient.ConnectAsync("127.0.0.1", _server.TcpPort,
        new GymClientOptions { Encoding = GymEncoding.Binary, Compression = codecs });

    private static async Task AssertSameStepsAsync(GymClient plain, GymClient compressed, string id, int count, Func<int, int, long> action)
    {
        await using var expected = await plain.MakeVecAsync(id, count);
        await using var actual = await compressed.MakeVecAsync(id, count);
        Assert.True(actual.UsesBinaryEncoding);
        await expected.ResetAsync(seed: 3);
        await actual.ResetAsync(seed: 3);
        for (var step = 0; step < 20; step++)
        {
            var actions = Enumerable.Range(0, count).Select(i => (object)action(step, i)).ToArray();
            var want = await expected.StepAsync(actions);
            var got = await actual.StepAsync(actions);
            Assert.Equal(want.Rewards, got.Rewards);
            Assert.Equal(want.Terminated, got.Terminated);
            Assert.Equal(want.Truncated, got.Truncated);
            for (var i = 0; i < count; i++)
            {
                Assert.Equal(Bytes(want.Observations[i]), Bytes(got.Observations[i]));
            }
        }
    }

    private static byte[] Bytes(object observation) => observation switch
    {
        byte[] bytes => bytes,
        float[] floats => floats.SelectMany(BitConverter.GetBytes).ToArray(),
        _ => throw new InvalidOperationException($"unexpected observation {observation.GetType()}"),
    };
}

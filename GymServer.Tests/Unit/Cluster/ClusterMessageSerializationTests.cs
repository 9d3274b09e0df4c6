using GymServer.Engine.Environments;
using GymServer.Protocol.Values;
using GymServer.Web.Cluster;
using GymServer.Web.Cluster.Messages;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace GymServer.Tests.Unit.Cluster;

/// <summary>Every grain message through Orleans' own serializer and back, field for field.</summary>
public sealed class ClusterMessageSerializationTests
{
    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(NodeSnapshot).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    [Fact]
    public void MakeRequestKeepsItsKwargs()
    {
        var request = new RemoteMakeRequest("python:CartPole-v1", new() { ["map_name"] = "\"8x8\"", ["n"] = "3" }, "rgb_array", "127.0.0.1:11111@1");
        var copy = RoundTrip(request);
        Assert.Equal(request.Id, copy.Id);
        Assert.Equal(request.Kwargs, copy.Kwargs);
        Assert.Equal(request.RenderMode, copy.RenderMode);
        Assert.Equal(request.CallerSilo, copy.CallerSilo);
    }

    [Fact]
    public void MakeResponseKeepsSpecSpacesAndError()
    {
        var made = new RemoteMakeResponse(7, "native", new RemoteEnvSpec("Taxi-v3", 200, 8, true, false, 4, "1.2.2", "Taxi-v4"), "{\"type\":\"Discrete\",\"n\":500,\"start\":0}", "{\"type\":\"Discrete\",\"n\":6,\"start\":0}", null);
        Assert.Equal(made, RoundTrip(made));
        var failed = RemoteMakeResponse.Failed(new RemoteEnvError("pool_full", "full"));
        Assert.Equal(failed.Error, RoundTrip(failed).Error);
    }

    [Fact]
    public void StepResponseKeepsObservationBytesAndEveryInfoKind()
    {
        var info = new EnvInfo();
        info.Add("prob", 0.5);
        info.Add("lives", 3L);
        info.Add("flag", true);
        info.Add("action_mask", new sbyte[] { 1, 0, -1 });
        info.AddRawJson("raw", "{\"a\":[1,2]}"u8.ToArray());
        var step = new RemoteStepResponse([1, 2, 3, 255], -1.5, true, false, InfoItems.From(info), null, IntegerReward: true);

        var copy = RoundTrip(step);

        Assert.Equal(step.Observation, copy.Observation);
        Assert.Equal((step.Reward, step.Terminated, step.Truncated, step.IntegerReward), (copy.Reward, copy.Terminated, copy.Truncated, copy.IntegerReward));
        var back = new EnvInfo();
        InfoItems.CopyTo(copy.Info, back);
        Assert.Equal(Json(info), Json(back));
    }

    [Fact]
    public void FrameResponseKeepsItsShapePixelsAndError()
    {
        var frame = new RemoteFrameResponse(2, 1, [0, 128, 255, 1, 2, 3], null);
        var copy = RoundTrip(frame);
        Assert.Equal((frame.Height, frame.Width, frame.Error), (copy.Height, copy.Width, copy.Error));
        Assert.Equal(frame.Pixels, copy.Pixels);
        var failed = RemoteFrameResponse.Failed(new RemoteEnvError("env_error", "render() returned text"));
        Assert.Equal(failed.Error, RoundTrip(failed).Error);
    }

    [Fact]
    public void ResetAndSnapshotMessagesRoundTrip()
    {
        var reset = new RemoteResetRequest(3, "123456789012345678901234567890", "{\"x\":1}");
        Assert.Equal(reset, RoundTrip(reset));
        var snapshot = new NodeSnapshot("a", "127.0.0.1:1@2", "127.0.0.1:4040", 8, 3, 5, 2, 1, 99, true, DateTimeOffset.UnixEpoch);
        Assert.Equal(snapshot, RoundTrip(snapshot));
    }

    private static T RoundTrip<T>(T value) => Serializer.Deserialize<T>(Serializer.SerializeToArray(value))!;

    private static string Json(EnvInfo info)
    {
        using var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            info.WriteTo(writer);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}

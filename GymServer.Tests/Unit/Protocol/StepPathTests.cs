using System.Diagnostics;
using System.Text;
using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Engine.Sessions;
using GymServer.Protocol.Values;
using GymServer.Tests.Infrastructure;
using GymServer.Web.Tcp;
using Microsoft.Extensions.Logging.Abstractions;

namespace GymServer.Tests.Unit.Protocol;

/// <summary>
/// A step crosses each layer once, in order: the TCP connection's read loop, its connection state (which parses with
/// GymServer.Protocol before the step and writes with it after), the session, the env. Seen from the env, on the
/// real read loop over in-memory pipes, for a protocol-1 step, a protocol-2 step, a step_vec in JSON and one in binary.
/// </summary>
public sealed class StepPathTests
{
    [Fact]
    public async Task EveryProtocolsStepCrossesEachLayerOnceInOrder()
    {
        var provider = new TracingProvider();
        await using var connection = PipeConnection.Start(new GymTcpOptions(), NullLogger.Instance, new EnvCatalog([provider, new NativeEnvProvider(NativeEnvironments.CreateRegistry())]));

        await connection.WriteAsync("{\"env\":{\"name\":\"traced:CartPole-v1\"}}\n{\"env\":{\"action\":\"reset\"}}\n{\"step\":{\"action\":1,\"render\":0}}\n");
        for (var i = 0; i < 3; i++)
        {
            Assert.DoesNotContain("error", await connection.ReadReplyAsync());
        }
        await connection.WriteAsync("{\"server\":{\"protocol\":2,\"encoding\":\"binary\"}}\n{\"make_vec\":{\"id\":\"traced:CartPole-v1\",\"num_envs\":2}}\n");
        await connection.ReadReplyAsync();
        var vector = JsonDocument.Parse((await connection.ReadReplyAsync())!).RootElement.GetProperty("instance").GetString()!;
        var single = (await ReadInstanceAsync(connection, "{\"make\":{\"id\":\"traced:CartPole-v1\"}}\n"))!;
        await connection.WriteAsync($"{{\"reset\":{{\"instance\":\"{single}\"}}}}\n{{\"step\":{{\"instance\":\"{single}\",\"action\":0}}}}\n{{\"reset_vec\":{{\"instance\":\"{vector}\"}}}}\n");
        for (var i = 0; i < 3; i++)
        {
            Assert.DoesNotContain("error", await connection.ReadReplyAsync());
        }
        await connection.WriteAsync($"{{\"step_vec\":{{\"instance\":\"{vector}\",\"actions\":[0,1]}}}}\n");
        Assert.DoesNotContain("error", await connection.ReadReplyAsync());
        await connection.WriteAsync(StepVecFrame(vector));
        var (type, _) = await connection.ReadFrameAsync();
        Assert.Equal(0x81, type);

        string[] expected = ["env", "session", "connection state", "read loop"];
        Assert.Equal(4, provider.Paths.Count);
        Assert.All(provider.Paths, path => Assert.Equal(expected, path));
    }

    private static async Task<string?> ReadInstanceAsync(PipeConnection connection, string line)
    {
        await connection.WriteAsync(line);
        return JsonDocument.Parse((await connection.ReadReplyAsync())!).RootElement.GetProperty("instance").GetString();
    }

    private static byte[] StepVecFrame(string instance)
    {
        var payload = new byte[1 + instance.Length + 16];
        payload[0] = (byte)instance.Length;
        Encoding.ASCII.GetBytes(instance, payload.AsSpan(1));
        var frame = new byte[8 + payload.Length];
        frame[0] = 0xB7;
        frame[1] = 0x01;
        BitConverter.TryWriteBytes(frame.AsSpan(4), payload.Length);
        payload.CopyTo(frame.AsSpan(8));
        return frame;
    }

    /// <summary>The layers on the stack, innermost first, each named once per run of frames in it.</summary>
    private static string[] Layers(StackTrace trace)
    {
        var layers = new List<string>();
        foreach (var frame in trace.GetFrames())
        {
            var layer = frame.GetMethod()?.DeclaringType?.Namespace switch
            {
                "GymServer.Tests.Unit.Protocol" => "env",
                "GymServer.Engine.Sessions" => "session",
                "GymServer.Web.Tcp.States" => "connection state",
                "GymServer.Web.Tcp" => "read loop",
                var other when other?.StartsWith("GymServer", StringComparison.Ordinal) == true => other,
                _ => null,
            };
            if (layer is not null && (layers.Count == 0 || layers[^1] != layer))
            {
                layers.Add(layer);
            }
        }
        return [.. layers.TakeWhile(layer => layer != "read loop"), "read loop"];
    }

    /// <summary>Native envs under the backend "traced", whose steps note the layers they were called through.</summary>
    private sealed class TracingProvider : IEnvProvider
    {
        private readonly NativeEnvProvider _native = new(NativeEnvironments.CreateRegistry());

        /// <summary>The layers of each step_vec (its first sub-env's step) and each single step.</summary>
        public List<string[]> Paths { get; } = [];

        public string Backend => "traced";

        public IReadOnlyCollection<string> Ids => _native.Ids;

        public bool Serves(string id) => _native.Serves(id);

        public async ValueTask<IEnvInstance> MakeAsync(string id, string instanceId, IReadOnlyDictionary<string, JsonElement>? kwargs, IReadOnlyList<WrapperSpec> wrappers, string? renderMode, CancellationToken cancellationToken) =>
            new TracingInstance(await _native.MakeAsync(id, instanceId, kwargs, wrappers, renderMode, cancellationToken), this);

        private sealed class TracingInstance(IEnvInstance inner, TracingProvider provider) : ForwardingInstance(inner)
        {
            private static int _vectorSteps;

            public override string Backend => "traced";

            public override ValueTask<StepResult> StepAsync(ReadOnlyMemory<byte> action, Memory<byte> observation, EnvInfo info, CancellationToken cancellationToken)
            {
                var trace = new StackTrace();
                // A step_vec steps both sub-envs: note the first one's path only.
                var inVector = trace.GetFrames().Any(frame => frame.GetMethod()?.DeclaringType == typeof(VectorEnv));
                if (!inVector || Interlocked.Increment(ref _vectorSteps) % 2 == 1)
                {
                    provider.Paths.Add(Layers(trace));
                }
                return Inner.StepAsync(action, observation, info, cancellationToken);
            }
        }
    }
}

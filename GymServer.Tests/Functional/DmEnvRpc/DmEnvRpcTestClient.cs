using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using GymServer.Web.DmEnvRpc.V1;
using DmEnvironment = GymServer.Web.DmEnvRpc.V1.Environment;

namespace GymServer.Tests.Functional.DmEnvRpc;

/// <summary>
/// One dm_env_rpc stream to a real server, over a real HTTP/2 socket with Grpc.Net.Client: requests written, responses
/// read in order, and builders for the tensors and requests the tests send.
/// </summary>
public sealed class DmEnvRpcTestClient : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly GrpcChannel _channel;
    private readonly AsyncDuplexStreamingCall<EnvironmentRequest, EnvironmentResponse> _call;
    private readonly CancellationTokenSource _timeout = new(Deadline);

    private DmEnvRpcTestClient(GrpcChannel channel, Metadata? headers)
    {
        _channel = channel;
        _call = new DmEnvironment.EnvironmentClient(channel).Process(headers, cancellationToken: _timeout.Token);
    }

    /// <summary>A stream to <c>127.0.0.1:port</c> (h2c), with <c>authorization: Bearer token</c> when given.</summary>
    public static DmEnvRpcTestClient Connect(int port, string? token = null) =>
        Connect(GrpcChannel.ForAddress($"http://127.0.0.1:{port}"), token);

    public static DmEnvRpcTestClient Connect(GrpcChannel channel, string? token = null) =>
        new(channel, token is null ? null : new Metadata { { "authorization", $"Bearer {token}" } });

    public static DmEnvRpcTestClient Connect(GymServerFactory server, string? token = null) => Connect(server.DmEnvRpcPort, token);

    public Task WriteAsync(EnvironmentRequest request) => _call.RequestStream.WriteAsync(request, _timeout.Token);

    /// <summary>The next response; the test fails if the stream ends instead.</summary>
    public async Task<EnvironmentResponse> ReadAsync()
    {
        Assert.True(await _call.ResponseStream.MoveNext(_timeout.Token), "the stream ended");
        return _call.ResponseStream.Current;
    }

    /// <summary>Whether the server ends the stream (false) or sends another response (true); throws its status if it fails it.</summary>
    public Task<bool> MoveNextAsync() => _call.ResponseStream.MoveNext(_timeout.Token);

    public async Task<EnvironmentResponse> SendAsync(EnvironmentRequest request)
    {
        await WriteAsync(request);
        return await ReadAsync();
    }

    /// <summary>Creates a world of <paramref name="envId"/> with these further settings; its name.</summary>
    public async Task<string> CreateWorldAsync(string envId, params (string Name, Tensor Value)[] settings)
    {
        var response = await SendAsync(CreateWorld(envId, settings));
        AssertOk(response, EnvironmentResponse.PayloadOneofCase.CreateWorld);
        return response.CreateWorld.WorldName;
    }

    public async Task<ActionObservationSpecs> JoinWorldAsync(string world)
    {
        var response = await SendAsync(new EnvironmentRequest { JoinWorld = new JoinWorldRequest { WorldName = world } });
        AssertOk(response, EnvironmentResponse.PayloadOneofCase.JoinWorld);
        return response.JoinWorld.Specs;
    }

    /// <summary>Creates and joins a world; its name and specs.</summary>
    public async Task<(string World, ActionObservationSpecs Specs)> CreateAndJoinAsync(string envId, params (string Name, Tensor Value)[] settings)
    {
        var world = await CreateWorldAsync(envId, settings);
        return (world, await JoinWorldAsync(world));
    }

    public async Task<StepResponse> StepAsync(IReadOnlyDictionary<ulong, Tensor>? actions, params ulong[] requested)
    {
        var response = await SendAsync(Step(actions, requested));
        AssertOk(response, EnvironmentResponse.PayloadOneofCase.Step);
        return response.Step;
    }

    public static EnvironmentRequest CreateWorld(string? envId, params (string Name, Tensor Value)[] settings)
    {
        var request = new CreateWorldRequest();
        if (envId is not null)
        {
            request.Settings.Add("env_id", Text(envId));
        }
        foreach (var (name, value) in settings)
        {
            request.Settings.Add(name, value);
        }
        return new EnvironmentRequest { CreateWorld = request };
    }

    public static EnvironmentRequest Step(IReadOnlyDictionary<ulong, Tensor>? actions, params ulong[] requested)
    {
        var step = new StepRequest();
        step.RequestedObservations.AddRange(requested);
        foreach (var (uid, tensor) in actions ?? new Dictionary<ulong, Tensor>())
        {
            step.Actions.Add(uid, tensor);
        }
        return new EnvironmentRequest { Step = step };
    }

    /// <summary>An action map of one action.</summary>
    public static Dictionary<ulong, Tensor> Action(Tensor tensor, ulong uid = 1) => new() { [uid] = tensor };

    public static Tensor Int64(long value, params int[] shape) => Shaped(new Tensor { Int64S = new Tensor.Types.Int64Array { Array = { value } } }, shape);

    public static Tensor Int64s(long[] values, params int[] shape) => Shaped(new Tensor { Int64S = new Tensor.Types.Int64Array { Array = { values } } }, shape);

    public static Tensor Floats(float[] values, params int[] shape) => Shaped(new Tensor { Floats = new Tensor.Types.FloatArray { Array = { values } } }, shape);

    public static Tensor Doubles(double[] values, params int[] shape) => Shaped(new Tensor { Doubles = new Tensor.Types.DoubleArray { Array = { values } } }, shape);

    public static Tensor Int32(int value) => new() { Int32S = new Tensor.Types.Int32Array { Array = { value } } };

    public static Tensor Bool(bool value) => new() { Bools = new Tensor.Types.BoolArray { Array = { value } } };

    public static Tensor Text(string value) => new() { Strings = new Tensor.Types.StringArray { Array = { value } } };

    public static Tensor Bytes(byte[] values, params int[] shape) => Shaped(new Tensor { Int8S = new Tensor.Types.Int8Array { Array = ByteString.CopyFrom(values) } }, shape);

    private static Tensor Shaped(Tensor tensor, int[] shape)
    {
        tensor.Shape.AddRange(shape);
        return tensor;
    }

    public static void AssertOk(EnvironmentResponse response, EnvironmentResponse.PayloadOneofCase expected) =>
        Assert.True(response.PayloadCase == expected, $"expected {expected}, got {response}");

    /// <summary>Asserts the response is an error with this status code and a message mentioning <paramref name="mentioned"/>.</summary>
    public static void AssertError(EnvironmentResponse response, StatusCode code, string mentioned)
    {
        Assert.True(response.PayloadCase == EnvironmentResponse.PayloadOneofCase.Error, $"expected an error, got {response}");
        Assert.Equal(code, (StatusCode)response.Error.Code);
        Assert.Contains(mentioned, response.Error.Message, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _call.RequestStream.CompleteAsync();
            while (await _call.ResponseStream.MoveNext(_timeout.Token))
            {
            }
        }
        catch (RpcException)
        {
            // The test already saw how the stream ended (an auth or limit test) or the server went first.
        }
        catch (InvalidOperationException)
        {
            // The request stream was already completed by the test.
        }
        _call.Dispose();
        _channel.Dispose();
        _timeout.Dispose();
    }
}

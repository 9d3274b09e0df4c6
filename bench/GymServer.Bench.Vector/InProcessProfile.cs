using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using GymServer.Engine.Admission;
using GymServer.Engine.Environments;
using GymServer.Engine.Sessions;
using GymServer.Protocol;
using GymServer.Protocol.Binary;
using GymServer.Protocol.Framing;
using GymServer.Protocol.Spaces;
using GymServer.Protocol.V1;
using GymServer.Protocol.V2;
using GymServer.Web.Tcp.States;

namespace GymServer.Bench.Vector;

/// <summary>
/// Where the server's time goes on one step_vec, without sockets: the same connection state a connection uses, timed whole
/// and in parts (parse the JSON line, step the envs, write the JSON reply, write the binary reply), per env step.
/// </summary>
public static class InProcessProfile
{
    public static void Run(VectorOptions options)
    {
        Console.WriteLine($"in-process step_vec of {options.EnvId}: CPU nanoseconds per env step (lower is better), {options.Duration.TotalSeconds:0.#} s per N split over the cells, after {options.Warmup.TotalSeconds:0.#} s of warm-up");
        Console.WriteLine("| N | JSON whole | parse line | parse and read actions | step envs | write JSON | binary whole | write binary | JSON env steps/s | binary env steps/s |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var numEnvs in options.NumEnvs)
        {
            RunOne(options, numEnvs);
        }
    }

    private static void RunOne(VectorOptions options, int numEnvs)
    {
        var catalog = new EnvCatalog([new NativeEnvProvider(NativeEnvironments.CreateRegistry())]);
        var session = new Session(catalog, ClientAdmission.WithoutNode(numEnvs));
        var state = new Protocol2BinaryState(new ConnectionScope(session, 1024 * 1024, new NoObserver(), CancellationToken.None));
        var output = new ReplyBuffer(1 << 16);
        var vector = session.OpenVectorAsync(options.EnvId, numEnvs, kwargs: null, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        vector.ResetAsync(0, null, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        var actions = string.Join(',', Enumerable.Range(0, numEnvs).Select(i => i % 2));
        var line = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes($"{{\"step_vec\":{{\"instance\":\"{vector.InstanceId}\",\"actions\":[{actions}]}}}}"));
        var lineRequest = TcpRequest.Line(line);
        var payload = new byte[1 + vector.InstanceId.Length + 8 * numEnvs];
        payload[0] = (byte)vector.InstanceId.Length;
        Encoding.ASCII.GetBytes(vector.InstanceId, payload.AsSpan(1));
        for (var i = 0; i < numEnvs; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(payload.AsSpan(1 + vector.InstanceId.Length + 8 * i), i % 2);
        }
        var frame = TcpRequest.Frame(new FrameHeader((byte)FrameType.StepVecRequest, 0, (uint)payload.Length), new ReadOnlySequence<byte>(payload));
        var json = new Utf8JsonWriter(output);

        Action[] cells =
        [
            // The whole JSON request, as a connection runs it.
            () =>
            {
                output.Clear();
                state.RunAsync(lineRequest, output).AsTask().GetAwaiter().GetResult();
            },
            () => Protocol2Parser.Parse(line).Dispose(),
            () =>
            {
                using var request = Protocol2Parser.Parse(line);
                var i = 0;
                foreach (var action in StepVecRequest.Read(request.Arguments).Actions.EnumerateArray())
                {
                    var env = vector.Envs[i++];
                    ActionReader.Read(env.ActionSpace.Description, System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(action), env.Action);
                    _ = env.ActionSpace.Contains(env.Action);
                }
            },
            () => vector.StepAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult(),
            () =>
            {
                output.Clear();
                json.Reset(output);
                var first = vector.Envs[0];
                new VecStepResponse(first.ObservationSpace.Description, vector.Observations, vector.Results, first.Instance.Spec.IntegerRewards, vector.Infos)
                    .WriteTo(json);
                json.Flush();
            },
            // The whole binary request.
            () =>
            {
                output.Clear();
                state.RunAsync(frame, output).AsTask().GetAwaiter().GetResult();
            },
            () =>
            {
                output.Clear();
                StepVecReplyFrame.Write(output, json, vector, vector.Results, vector.Infos);
            },
        ];
        // Every cell runs before any is timed, so none pays for the JIT's later tiers while the clock runs.
        foreach (var cell in cells)
        {
            var warm = Stopwatch.StartNew();
            while (warm.Elapsed < options.Warmup / cells.Length)
            {
                cell();
            }
        }
        var ns = cells.Select(cell => CpuNanosecondsPerEnvStep(cell, options.Duration / cells.Length, numEnvs)).ToArray();
        var (jsonWhole, parse, readActions, step, writeJson, binaryWhole, writeBinary) = (ns[0], ns[1], ns[2], ns[3], ns[4], ns[5], ns[6]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {numEnvs} | {jsonWhole:0.0} | {parse:0.0} | {readActions:0.0} | {step:0.0} | {writeJson:0.0} | {binaryWhole:0.0} | {writeBinary:0.0} | {1e9 / jsonWhole:N0} | {1e9 / binaryWhole:N0} |"));
    }

    /// <summary>
    /// CPU time, not wall time: on a machine shared with other work the wall clock also counts the time this thread
    /// waited for a core, which says nothing about the code.
    /// </summary>
    private static double CpuNanosecondsPerEnvStep(Action cell, TimeSpan duration, int numEnvs)
    {
        long count = 0;
        var clock = Stopwatch.StartNew();
        var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        while (clock.Elapsed < duration)
        {
            cell();
            count++;
        }
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuStart;
        return cpu.TotalNanoseconds / count / numEnvs;
    }

    private sealed class NoObserver : IConnectionObserver
    {
        public void OnDeferredError(RequestKind kind, WireException error) => throw error;

        public void OnErrorReplied(string code) => throw new InvalidOperationException($"error reply {code}");

        public void OnUnexpectedError(RequestKind kind, Exception error) => throw error;

        public void OnUnexpectedError(string command, Exception error) => throw error;

        public void OnAuthenticated()
        {
        }

        public void OnAuthRefused(int failures)
        {
        }

        public void RequestClose(string code, string message) => throw new InvalidOperationException($"close requested: {code}");
    }
}

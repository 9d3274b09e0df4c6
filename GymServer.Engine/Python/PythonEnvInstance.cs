using System.Numerics;
using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Engine.Rendering;
using GymServer.Engine.Sessions;
using GymServer.Engine.Spaces;
using GymServer.Protocol;
using GymServer.Protocol.Values;

namespace GymServer.Engine.Python;

/// <summary>
/// An env living in a Python worker. It stays bound to the worker that made it: once that worker is lost, every
/// request fails with worker_lost (the env's state died with the process), while the pool replaces the worker.
/// Its observations (and rendered frames) come through a shared memory slot when it has one, else on the pipe.
/// </summary>
public sealed partial class PythonEnvInstance : IEnvInstance
{
    private readonly PythonWorker _worker;
    private readonly WorkerSharedMemory _sharedMemory;
    private readonly string _id;
    private readonly IReadOnlyDictionary<string, JsonElement>? _kwargs;
    private readonly IReadOnlyList<WrapperSpec> _wrappers;
    private uint _handle;
    private SharedSlot? _observationSlot;
    private int _disposed;

    internal PythonEnvInstance(
        string instanceId,
        PythonWorker worker,
        WorkerSharedMemory sharedMemory,
        uint handle,
        SharedSlot? observationSlot,
        WorkerMakeReply made,
        string id,
        IReadOnlyDictionary<string, JsonElement>? kwargs,
        IReadOnlyList<WrapperSpec> wrappers,
        string? renderMode)
    {
        InstanceId = instanceId;
        _id = id;
        _kwargs = kwargs;
        _wrappers = wrappers;
        RenderMode = renderMode;
        _worker = worker;
        _sharedMemory = sharedMemory;
        _handle = handle;
        _observationSlot = observationSlot;
        Spec = made.Spec;
        ObservationSpace = made.ObservationSpace;
        ActionSpace = made.ActionSpace;
    }

    public string InstanceId { get; }

    public string Backend => PythonEnvProvider.BackendName;

    public EnvSpec Spec { get; }

    public Space ObservationSpace { get; }

    public Space ActionSpace { get; }

    /// <summary>The render_mode the env was made with (null: none).</summary>
    public string? RenderMode { get; private set; }

    /// <summary>The pool slot of the worker hosting this env.</summary>
    public int WorkerSlot => _worker.Slot;

    /// <summary>The worker hosting this env.</summary>
    internal PythonWorker Worker => _worker;

    /// <summary>The process id of the worker hosting this env.</summary>
    public int WorkerPid => _worker.Pid;

    /// <summary>Whether its observations come through shared memory (false: on the worker's pipe).</summary>
    public bool ObservationsShared => Volatile.Read(ref _observationSlot) is not null;

    /// <summary>The batch of its vector env's sub-envs on the same worker, when it is one (set by the provider).</summary>
    internal PythonEnvBatch? Batch { get; set; }

    public IEnvCallBatch? CallBatch => Batch;

    public ValueTask ResetAsync(BigInteger? seed, JsonElement? options, Memory<byte> observation, EnvInfo info, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        CheckSize(observation.Length, ObservationSpace, "observation buffer");
        var slot = _observationSlot;
        var destination = DestinationFor(observation, slot);
        if (Batch is { Collecting: true } batch)
        {
            return batch.AddReset(_handle, WorkerRequests.Reset(seed, options), destination, info, slot, cancellationToken);
        }
        var call = new ResetCall(_handle, destination, info, slot);
        return new ValueTask(_worker.CallAsync(call, WorkerRequests.Reset(seed, options), ReadOnlyMemory<byte>.Empty, cancellationToken));
    }

    public ValueTask<StepResult> StepAsync(ReadOnlyMemory<byte> action, Memory<byte> observation, EnvInfo info, CancellationToken cancellationToken)
    {
        if (Batch is { Collecting: true } batch)
        {
            ThrowIfDisposed();
            CheckSize(action.Length, ActionSpace, "action");
            CheckSize(observation.Length, ObservationSpace, "observation buffer");
            var slot = _observationSlot;
            return batch.AddStep(_handle, action, DestinationFor(observation, slot), info, slot, cancellationToken);
        }
        return StepAloneAsync(action, observation, info, cancellationToken);
    }

    private async ValueTask<StepResult> StepAloneAsync(ReadOnlyMemory<byte> action, Memory<byte> observation, EnvInfo info, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        CheckSize(action.Length, ActionSpace, "action");
        CheckSize(observation.Length, ObservationSpace, "observation buffer");
        var slot = _observationSlot;
        var call = new StepCall(_handle, DestinationFor(observation, slot), info, slot);
        await _worker.CallAsync(call, ReadOnlyMemory<byte>.Empty, action, cancellationToken).ConfigureAwait(false);
        return call.Result;
    }

    /// <summary>
    /// The Python space's <c>sample()</c>, after <c>seed(seed)</c> when a seed is given, into
    /// <paramref name="destination"/> (the space's byte size).
    /// </summary>
    public async ValueTask SampleAsync(bool actionSpace, BigInteger? seed, Memory<byte> destination, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        var space = actionSpace ? ActionSpace : ObservationSpace;
        CheckSize(destination.Length, space, "sample buffer");
        var call = new BufferedCall(WorkerCommand.Sample, _handle);
        await _worker.CallAsync(call, WorkerRequests.Sample(actionSpace, seed), ReadOnlyMemory<byte>.Empty, cancellationToken).ConfigureAwait(false);
        WorkerReplies.CopyObservation(call.Payload, destination.Span);
    }

    /// <summary>The env's <c>render()</c>, in the render mode it was made with.</summary>
    public async ValueTask<PythonRender> RenderAsync(CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        var call = new BufferedCall(WorkerCommand.Render, _handle);
        await _worker.CallAsync(call, ReadOnlyMemory<byte>.Empty, ReadOnlyMemory<byte>.Empty, cancellationToken).ConfigureAwait(false);
        using var document = JsonDocument.Parse(call.Meta);
        var root = document.RootElement;
        var kind = root.GetProperty("kind").GetString() ?? PythonRender.NoneKind;
        return kind switch
        {
            PythonRender.ArrayKind => new PythonRender(
                kind, null, root.GetProperty("dtype").GetString(),
                [.. root.GetProperty("shape").EnumerateArray().Select(dimension => dimension.GetInt32())],
                await FrameBytesAsync(root, call.Payload).ConfigureAwait(false)),
            PythonRender.TextKind => new PythonRender(kind, root.GetProperty("text").GetString(), null, [], []),
            _ => new PythonRender(PythonRender.NoneKind, null, null, [], []),
        };
    }

    /// <summary>The spaces as the worker describes them now (the spaces command), parsed as at make.</summary>
    public async ValueTask<(Space Observation, Space Action)> DescribeSpacesAsync(CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        var call = new BufferedCall(WorkerCommand.Spaces, _handle);
        await _worker.CallAsync(call, ReadOnlyMemory<byte>.Empty, ReadOnlyMemory<byte>.Empty, cancellationToken).ConfigureAwait(false);
        using var document = JsonDocument.Parse(call.Meta);
        return WorkerMakeReply.ParseSpaces(document.RootElement);
    }

    /// <summary>
    /// Closes the env in its worker. An env whose worker was lost has nothing left to close; an error that env
    /// code raised in <c>close()</c> is passed on (the worker has dropped the env either way).
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        try
        {
            var call = new BufferedCall(WorkerCommand.Close, _handle);
            await _worker.CallAsync(call, ReadOnlyMemory<byte>.Empty, ReadOnlyMemory<byte>.Empty, CancellationToken.None).ConfigureAwait(false);
        }
        catch (EnvException error) when (error.Code == EnvErrorCodes.WorkerLost)
        {
            // The env died with its worker.
        }
        finally
        {
            ReleaseSlots();
            _worker.RemoveEnv();
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

    private static void CheckSize(int length, Space space, string what)
    {
        if (length != space.ByteSize)
        {
            throw new ArgumentException($"{what} has {length} bytes, the {space.TypeName} space needs {space.ByteSize}");
        }
    }
}

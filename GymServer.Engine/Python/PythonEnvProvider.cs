using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Engine.Sessions;
using GymServer.Protocol;
using GymServer.Protocol.Values;

namespace GymServer.Engine.Python;

/// <summary>
/// Makes envs in the Python worker pool: every id of the workers' gymnasium registry. A vector env's sub-envs are
/// spread over the workers (<see cref="PythonOptions.VectorSpread"/>) and made in parallel.
/// </summary>
public sealed class PythonEnvProvider(PythonWorkerPool pool) : IEnvProvider, IVectorEnvProvider
{
    public const string BackendName = "python";

    private const string Prefix = BackendName + ":";

    public string Backend => BackendName;

    /// <summary>
    /// Registry ids while the pool is usable; also any <c>module:Name</c> id, so that a refused one gets
    /// forbidden_env from <see cref="MakeAsync"/> rather than a bare unknown_env.
    /// </summary>
    public bool Serves(string id)
    {
        id = WithoutPrefix(id);
        return pool.IsUsable && (pool.Ids.Contains(id) || PythonEnvIds.ModuleOf(id) is not null);
    }

    public IReadOnlyCollection<string> Ids => pool.Ids;

    /// <summary>
    /// <c>gymnasium.make(id, render_mode=..., **kwargs)</c> on the least-loaded worker, then Gymnasium's own wrapper
    /// classes of <paramref name="wrappers"/> around it in order. The kwargs travel as the plain JSON values they are
    /// (numbers, strings, booleans, null, lists, objects), never as code or pickles.
    /// </summary>
    public async ValueTask<IEnvInstance> MakeAsync(
        string id,
        string instanceId,
        IReadOnlyDictionary<string, JsonElement>? kwargs,
        IReadOnlyList<WrapperSpec> wrappers,
        string? renderMode,
        CancellationToken cancellationToken)
    {
        id = WithoutPrefix(id);
        PythonEnvIds.EnsureAllowed(id, pool.Options.AllowedModules);
        var worker = await pool.PlaceAsync(cancellationToken).ConfigureAwait(false);
        return await MakeOnAsync(worker, id, instanceId, kwargs, wrappers, renderMode, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The sub-envs of a vector env: placed together over the workers and made in parallel (each worker takes the
    /// makes it gets in order), then batched per worker (<see cref="PythonEnvBatch"/>). If one fails, the others are closed.
    /// </summary>
    public async ValueTask<IReadOnlyList<IEnvInstance>> MakeVectorAsync(
        string id,
        IReadOnlyList<string> instanceIds,
        IReadOnlyDictionary<string, JsonElement>? kwargs,
        IReadOnlyList<WrapperSpec> wrappers,
        CancellationToken cancellationToken)
    {
        id = WithoutPrefix(id);
        PythonEnvIds.EnsureAllowed(id, pool.Options.AllowedModules);
        var workers = await pool.PlaceAsync(instanceIds.Count, cancellationToken).ConfigureAwait(false);
        var makes = workers.Select((worker, i) => MakeOnAsync(worker, id, instanceIds[i], kwargs, wrappers, renderMode: null, cancellationToken)).ToArray();
        PythonEnvInstance[] made;
        try
        {
            made = await Task.WhenAll(makes).ConfigureAwait(false);
        }
        catch
        {
            foreach (var make in makes.Where(make => make.IsCompletedSuccessfully))
            {
                await make.Result.DisposeAsync().ConfigureAwait(false);
            }
            // The first failure, as a sequential make would have thrown it (Task.WhenAll throws that one too).
            throw;
        }
        // The sub-envs on one worker reset and step together: one batch request per worker per vector step.
        foreach (var group in made.GroupBy(instance => instance.Worker))
        {
            var batch = new PythonEnvBatch(group.Key);
            foreach (var instance in group)
            {
                instance.Batch = batch;
            }
        }
        return made;
    }

    /// <summary>
    /// <c>make</c> on a worker that counts the env already, then its observation slot (shared memory, when the
    /// observations are large enough and the node's cap allows).
    /// </summary>
    private async Task<PythonEnvInstance> MakeOnAsync(
        PythonWorker worker,
        string id,
        string instanceId,
        IReadOnlyDictionary<string, JsonElement>? kwargs,
        IReadOnlyList<WrapperSpec> wrappers,
        string? renderMode,
        CancellationToken cancellationToken)
    {
        var handle = worker.NextHandle();
        var call = new BufferedCall(WorkerCommand.Make, handle);
        try
        {
            await worker.CallAsync(call, WorkerRequests.Make(id, kwargs, wrappers, renderMode), ReadOnlyMemory<byte>.Empty, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The worker may still make it: queue a close behind the make so the handle does not linger there.
            _ = CloseOrphanAsync(worker, handle);
            throw;
        }
        catch
        {
            worker.RemoveEnv();
            throw;
        }
        WorkerMakeReply made;
        try
        {
            made = WorkerMakeReply.Parse(call.Meta, id);
        }
        catch (EnvException)
        {
            await CloseOrphanAsync(worker, handle).ConfigureAwait(false);
            throw;
        }
        SharedSlot? slot;
        try
        {
            slot = await worker.AttachSlotAsync(pool.SharedMemory, handle, SharedSlotUse.Observation, made.ObservationSpace.ByteSize)
                .ConfigureAwait(false);
        }
        catch (EnvException)
        {
            await CloseOrphanAsync(worker, handle).ConfigureAwait(false);
            throw;
        }
        return new PythonEnvInstance(instanceId, worker, pool.SharedMemory, handle, slot, made, id, kwargs, wrappers, renderMode);
    }

    private static string WithoutPrefix(string id) => id.StartsWith(Prefix, StringComparison.Ordinal) ? id[Prefix.Length..] : id;

    /// <summary>Closes an env no instance owns. Its make may have failed, or its worker be gone: both leave nothing to close.</summary>
    private static async Task CloseOrphanAsync(PythonWorker worker, uint handle)
    {
        try
        {
            var close = new BufferedCall(WorkerCommand.Close, handle);
            await worker.CallAsync(close, ReadOnlyMemory<byte>.Empty, ReadOnlyMemory<byte>.Empty, CancellationToken.None).ConfigureAwait(false);
        }
        catch (EnvException error) when (error.Code is EnvErrorCodes.WorkerLost or EnvErrorCodes.InvalidArgument or EnvErrorCodes.EnvError)
        {
            // Nothing was there to close, or its close() raised: the worker has dropped the handle either way.
        }
        finally
        {
            worker.RemoveEnv();
        }
    }
}

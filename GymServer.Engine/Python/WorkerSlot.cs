namespace GymServer.Engine.Python;

/// <summary>A place in the pool that a worker fills; its supervisor refills it whenever the worker is lost.</summary>
internal sealed class WorkerSlot(int index)
{
    public int Index { get; } = index;

    /// <summary>The live worker, or null while it (re)starts. Read and written under the pool's lock.</summary>
    public PythonWorker? Worker { get; set; }

    public int Restarts { get; set; }

    /// <summary>Completes when the slot's first start attempt has succeeded or failed: boot waits for every slot.</summary>
    public TaskCompletionSource FirstAttempt { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

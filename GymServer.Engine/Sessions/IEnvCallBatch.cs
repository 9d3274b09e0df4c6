namespace GymServer.Engine.Sessions;

/// <summary>
/// Sub-envs of one vector env whose backend takes their resets and steps as one request: the Python pool's sub-envs
/// on one worker, so a vector step costs one pipe message each way per worker instead of one per sub-env. Between
/// <see cref="Collect"/> and <see cref="Send"/>, a member's <see cref="IEnvInstance.ResetAsync"/> and
/// <see cref="IEnvInstance.StepAsync"/> are queued and return pending tasks; <see cref="Send"/> sends what was
/// queued, and each task then completes with its own sub-env's result or error, as if it had been sent alone.
/// </summary>
public interface IEnvCallBatch
{
    /// <summary>Starts queueing the members' resets and steps.</summary>
    void Collect();

    /// <summary>Stops queueing and sends what was queued (nothing when nothing was). Never throws: failures go to the tasks.</summary>
    void Send();
}

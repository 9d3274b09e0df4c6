namespace GymServer.Protocol.Values;

/// <summary>
/// Where a binary reply's observation bytes come from: one env's observation, or a vector env's sub-envs' one after
/// another. The owner copies them straight into the reply from wherever they are now, so an observation a Python
/// worker left in shared memory reaches the reply in one copy (docs/worker-protocol.md, "Shared memory").
/// </summary>
public interface IObservationSource
{
    /// <summary>How many observations: 1 for an env, N for a vector env of N sub-envs.</summary>
    int ObservationCount { get; }

    /// <summary>The bytes of each observation (its space's size).</summary>
    int ObservationSize { get; }

    /// <summary>
    /// Copies every observation, in order, into <paramref name="destination"/> of
    /// <see cref="ObservationCount"/> × <see cref="ObservationSize"/> bytes. Throws the env's error (worker_lost) when
    /// one was still in the shared memory of a worker that has died since.
    /// </summary>
    void CopyObservationsTo(Span<byte> destination);
}

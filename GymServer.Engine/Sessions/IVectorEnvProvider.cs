using System.Text.Json;
using GymServer.Protocol.Values;

namespace GymServer.Engine.Sessions;

/// <summary>
/// A backend that makes a vector env's sub-envs together rather than one by one, so that it can spread them over its
/// processes and they step in parallel (the Python pool: <c>Gym:Python:VectorSpread</c>). A backend without it gets
/// one <see cref="IEnvProvider.MakeAsync"/> per sub-env.
/// </summary>
public interface IVectorEnvProvider
{
    /// <summary>
    /// Makes one env per instance id, all of <paramref name="id"/> with <paramref name="kwargs"/>, each in
    /// <paramref name="wrappers"/>, in that order. If one cannot be made, those already made are closed and its error
    /// is thrown.
    /// </summary>
    ValueTask<IReadOnlyList<IEnvInstance>> MakeVectorAsync(
        string id,
        IReadOnlyList<string> instanceIds,
        IReadOnlyDictionary<string, JsonElement>? kwargs,
        IReadOnlyList<WrapperSpec> wrappers,
        CancellationToken cancellationToken);
}

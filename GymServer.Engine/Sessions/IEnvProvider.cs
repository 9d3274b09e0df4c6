using System.Text.Json;
using GymServer.Protocol.Values;

namespace GymServer.Engine.Sessions;

/// <summary>A backend that makes envs: the native registry, the Python worker pool.</summary>
public interface IEnvProvider
{
    /// <summary>"native" or "python": also the prefix a client may put before an id to choose this backend.</summary>
    string Backend { get; }

    /// <summary>Whether this backend knows the id.</summary>
    bool Serves(string id);

    /// <summary>The ids this backend serves, for listings and close-match suggestions.</summary>
    IReadOnlyCollection<string> Ids { get; }

    /// <summary>Whether this backend can apply the wrapper of that Gymnasium class name (Python: any of Gymnasium's).</summary>
    bool CanWrap(string wrapper) => true;

    /// <summary>
    /// Makes the env, wrapped in <paramref name="wrappers"/> in order (the first around the env itself); the
    /// instance's spaces are the outermost wrapper's.
    /// </summary>
    ValueTask<IEnvInstance> MakeAsync(
        string id,
        string instanceId,
        IReadOnlyDictionary<string, JsonElement>? kwargs,
        IReadOnlyList<WrapperSpec> wrappers,
        string? renderMode,
        CancellationToken cancellationToken);
}

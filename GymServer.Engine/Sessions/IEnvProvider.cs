using System.Text.Json;
using GymServer.Engine.Environments;

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

    ValueTask<IEnvInstance> MakeAsync(
        string id,
        string instanceId,
        IReadOnlyDictionary<string, JsonElement>? kwargs,
        string? renderMode,
        CancellationToken cancellationToken);
}

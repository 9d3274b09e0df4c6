using System.Text.Json;
using GymServer.Protocol.Values;

namespace GymServer.Engine.Sessions;

/// <summary>
/// Decides where a new env runs once its backend is known. The catalog's default makes it with that backend on this
/// node; a cluster (GymServer.Web/Cluster) may make it on another node instead and hand back an instance that
/// forwards to it. The engine knows nothing of how that is done.
/// </summary>
public interface IEnvPlacement
{
    ValueTask<IEnvInstance> MakeAsync(
        IEnvProvider provider,
        string id,
        string instanceId,
        IReadOnlyDictionary<string, JsonElement>? kwargs,
        IReadOnlyList<WrapperSpec> wrappers,
        string? renderMode,
        CancellationToken cancellationToken);
}

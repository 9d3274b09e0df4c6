using GymServer.Engine.Admission;
using GymServer.Engine.Recording;
using GymServer.Engine.Sessions;

namespace GymServer.Web.DmEnvRpc;

/// <summary>
/// Makes each dm_env_rpc stream's <see cref="WorldSession"/>: a session admitted by the node as a TCP connection is
/// (<see cref="NodeAdmission.ForConnection"/>: envs and steps per stream, the node's env quota), with the node's
/// counters and its recorder. The one place the endpoint learns how sessions are admitted.
/// </summary>
public sealed class WorldSessions(EnvCatalog catalog, NodeActivity activity, MediaRecorder recorder, NodeAdmission admission)
{
    internal WorldSession Open() => new(new Session(catalog, admission.ForConnection(), activity, recorder));
}

/// <summary>
/// A stream's envs, one per world: the adapter between dm_env_rpc's worlds and the engine's session, which counts
/// them against the limits, reports them to the node's metrics and dashboard, and records them.
/// </summary>
internal sealed class WorldSession(Session session) : IAsyncDisposable
{
    /// <summary>Makes a world's env, recording it when its settings ask; an env that cannot be recorded is closed.</summary>
    public async ValueTask<SessionEnv> MakeAsync(WorldSettings settings, CancellationToken cancellationToken)
    {
        var env = await session.OpenAsync(settings.EnvId, settings.Kwargs, wrappers: null, renderMode: null, cancellationToken).ConfigureAwait(false);
        try
        {
            if (settings.Record)
            {
                await session.RequireRecorder().StartAsync(env, settings.Schedule, cancellationToken).ConfigureAwait(false);
            }
            return env;
        }
        catch
        {
            await session.CloseAsync(env).ConfigureAwait(false);
            throw;
        }
    }

    public ValueTask CloseAsync(SessionEnv env) => session.CloseAsync(env);

    public ValueTask DisposeAsync() => session.DisposeAsync();
}

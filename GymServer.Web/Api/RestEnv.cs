using GymServer.Engine.Sessions;

namespace GymServer.Web.Api;

/// <summary>An env made over REST: shared by every HTTP request naming its instance id, one request at a time.</summary>
public sealed class RestEnv(string envId, SessionEnv env) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _closed;

    /// <summary>The env id as the client asked for it (gym-http-api lists it).</summary>
    public string EnvId { get; } = envId;

    public string InstanceId => Env.InstanceId;

    public SessionEnv Env { get; } = env;

    /// <summary>Runs <paramref name="use"/> alone on the env: HTTP requests may come at once, an env steps one at a time.</summary>
    public async Task<T> UseAsync<T>(Func<SessionEnv, Task<T>> use, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_closed)
            {
                throw new RestException($"Instance_id {InstanceId} unknown");
            }
            return await use(Env).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!_closed)
            {
                _closed = true;
                await Env.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}

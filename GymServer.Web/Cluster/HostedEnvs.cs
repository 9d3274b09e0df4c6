using System.Collections.Concurrent;
using System.Numerics;
using System.Text.Json;
using GymServer.Engine.Admission;
using GymServer.Engine.Environments;
using GymServer.Engine.Sessions;
using GymServer.Protocol;
using GymServer.Protocol.V1;
using GymServer.Protocol.Values;
using GymServer.Web.Cluster.Messages;

namespace GymServer.Web.Cluster;

/// <summary>
/// The envs this node hosts for sessions on other nodes, by handle. They are made with the local backends only
/// (never placed again), so a request cannot bounce between nodes, and each takes a place of this node's quota
/// (<c>Gym:Node:MaxEnvs</c>, through the node's <see cref="NodeAdmission"/>) for as long as it is hosted. Once the node
/// drains, makes are refused and requests for hosted envs get node_lost.
/// </summary>
public sealed partial class HostedEnvs(EnvCatalog catalog, NodeAdmission admission, ILogger<HostedEnvs> logger) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<long, HostedEnv> _envs = new();
    private long _nextHandle;
    private volatile string? _drainReason;

    public int Count => _envs.Count;

    public bool Draining => _drainReason is not null;

    public async Task<RemoteMakeResponse> MakeAsync(RemoteMakeRequest request)
    {
        if (_drainReason is { } reason)
        {
            return RemoteMakeResponse.Failed(new RemoteEnvError(EnvErrorCodes.NodeLost, reason));
        }
        try
        {
            var wrappers = request.Wrappers is { } json ? WrapperSpec.FromJson(json, "wrappers") : [];
            var (provider, id) = catalog.Resolve(request.Id, wrappers);
            var kwargs = request.Kwargs?.ToDictionary(pair => pair.Key, pair => ParseJson(pair.Value));
            var handle = Interlocked.Increment(ref _nextHandle);
            admission.Admit(1);
            IEnvInstance instance;
            try
            {
                instance = await provider.MakeAsync(id, $"hosted-{handle}", kwargs, wrappers, request.RenderMode, CancellationToken.None);
            }
            catch
            {
                admission.Release(1);
                throw;
            }
            _envs[handle] = new HostedEnv(instance, request.CallerSilo);
            ClusterLog.HostedEnvMade(logger, instance.Spec.Id, handle, request.CallerSilo);
            return new RemoteMakeResponse(
                handle, instance.Backend, RemoteEnvSpec.From(instance.Spec),
                instance.ObservationSpace.DescriptionJson(), instance.ActionSpace.DescriptionJson(), null);
        }
        catch (EnvException error)
        {
            return RemoteMakeResponse.Failed(new RemoteEnvError(error.Code, error.Message));
        }
    }

    public async Task<RemoteResetResponse> ResetAsync(RemoteResetRequest request)
    {
        if (Find(request.Handle, out var env) is { } missing)
        {
            return new RemoteResetResponse([], [], missing);
        }
        var observation = new byte[env.Instance.ObservationSpace.ByteSize];
        try
        {
            BigInteger? seed = request.Seed is null ? null : BigInteger.Parse(request.Seed, System.Globalization.CultureInfo.InvariantCulture);
            JsonElement? options = request.Options is null ? null : ParseJson(request.Options);
            await env.Instance.ResetAsync(seed, options, observation, env.Info, CancellationToken.None);
            return new RemoteResetResponse(observation, InfoItems.From(env.Info), null);
        }
        catch (EnvException error)
        {
            return new RemoteResetResponse([], [], new RemoteEnvError(error.Code, error.Message));
        }
    }

    public async Task<RemoteStepResponse> StepAsync(RemoteStepRequest request)
    {
        if (Find(request.Handle, out var env) is { } missing)
        {
            return new RemoteStepResponse([], 0, false, false, [], missing);
        }
        var observation = new byte[env.Instance.ObservationSpace.ByteSize];
        try
        {
            var result = await env.Instance.StepAsync(request.Action, observation, env.Info, CancellationToken.None);
            return new RemoteStepResponse(
                observation, result.Reward, result.Terminated, result.Truncated, InfoItems.From(env.Info), null, result.IntegerReward);
        }
        catch (EnvException error)
        {
            return new RemoteStepResponse([], 0, false, false, [], new RemoteEnvError(error.Code, error.Message));
        }
    }

    public async Task CloseAsync(long handle)
    {
        if (!_envs.TryRemove(handle, out var env))
        {
            return;
        }
        admission.Release(1);
        try
        {
            await env.Instance.DisposeAsync();
        }
        catch (EnvException error)
        {
            // The env's own close() failed (a Python exception): it is dropped all the same.
            ClusterLog.HostedCloseFailed(logger, handle, error.Code, error.Message);
        }
    }

    /// <summary>Closes the envs hosted for a node that died: nobody will step or close them any more.</summary>
    public async Task CloseForCallerAsync(string callerSilo)
    {
        foreach (var (handle, env) in _envs)
        {
            if (env.CallerSilo == callerSilo)
            {
                await CloseAsync(handle);
            }
        }
    }

    /// <summary>The silo addresses of the nodes whose sessions hold envs here.</summary>
    public IReadOnlyCollection<string> Callers() => [.. _envs.Values.Select(env => env.CallerSilo).Distinct()];

    /// <summary>Refuses new envs from now on and closes the hosted ones; their sessions get node_lost.</summary>
    public async Task DrainAsync(string reason)
    {
        _drainReason = reason;
        foreach (var handle in _envs.Keys)
        {
            await CloseAsync(handle);
        }
    }

    public ValueTask DisposeAsync() => new(DrainAsync("the node stopped"));

    private RemoteEnvError? Find(long handle, out HostedEnv env)
    {
        if (_envs.TryGetValue(handle, out env!))
        {
            return null;
        }
        return _drainReason is { } reason
            ? new RemoteEnvError(EnvErrorCodes.NodeLost, reason)
            : new RemoteEnvError(EnvErrorCodes.NodeLost, $"this node hosts no env {handle} (it was closed or the node restarted)");
    }

    private static JsonElement ParseJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private sealed record HostedEnv(IEnvInstance Instance, string CallerSilo)
    {
        public EnvInfo Info { get; } = new();
    }
}

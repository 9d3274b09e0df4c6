using System.Globalization;
using System.Numerics;
using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Engine.Rendering;
using GymServer.Engine.Sessions;
using GymServer.Engine.Spaces;
using GymServer.Protocol;
using GymServer.Protocol.Spaces;
using GymServer.Protocol.V1;
using GymServer.Protocol.Values;
using GymServer.Web.Cluster.Messages;

namespace GymServer.Web.Cluster;

/// <summary>
/// An env hosted on another node. Reset and step are grain calls to that node's <see cref="INodeGrain"/>; the
/// observation bytes and info come back as they were there. Once the node is lost (dead, leaving, or a call that
/// cannot reach it) every request fails with node_lost: the env's state died with it.
/// </summary>
public sealed class RemoteEnvInstance(string instanceId, NodeLink node, RemoteMakeResponse made) : IEnvInstance
{
    private int _disposed;

    public string InstanceId { get; } = instanceId;

    /// <summary>The backend it runs in on the hosting node.</summary>
    public string Backend { get; } = made.Backend;

    /// <summary>The hosting node's silo address.</summary>
    public string Node => node.Silo;

    public EnvSpec Spec { get; } = made.Spec!.ToSpec();

    public Space ObservationSpace { get; } = Space.Parse(made.ObservationSpace);

    public Space ActionSpace { get; } = Space.Parse(made.ActionSpace);

    public async ValueTask ResetAsync(BigInteger? seed, JsonElement? options, Memory<byte> observation, EnvInfo info, CancellationToken cancellationToken)
    {
        var request = new RemoteResetRequest(made.Handle, seed?.ToString(CultureInfo.InvariantCulture), options?.GetRawText());
        var reply = await CallAsync(grain => grain.ResetAsync(request), cancellationToken).ConfigureAwait(false);
        ThrowIfFailed(reply.Error);
        reply.Observation.CopyTo(observation);
        InfoItems.CopyTo(reply.Info, info);
    }

    public async ValueTask<StepResult> StepAsync(ReadOnlyMemory<byte> action, Memory<byte> observation, EnvInfo info, CancellationToken cancellationToken)
    {
        var request = new RemoteStepRequest(made.Handle, action.ToArray());
        var reply = await CallAsync(grain => grain.StepAsync(request), cancellationToken).ConfigureAwait(false);
        ThrowIfFailed(reply.Error);
        reply.Observation.CopyTo(observation);
        InfoItems.CopyTo(reply.Info, info);
        return new StepResult(reply.Reward, reply.Terminated, reply.Truncated, reply.IntegerReward);
    }

    public async ValueTask PrepareFramesAsync(CancellationToken cancellationToken) =>
        ThrowIfFailed(await CallAsync(grain => grain.PrepareFramesAsync(made.Handle), cancellationToken).ConfigureAwait(false));

    /// <summary>The frame is rendered on the hosting node and its pixels sent here, where the recording runs.</summary>
    public async ValueTask<RenderedFrame> RenderFrameAsync(CancellationToken cancellationToken)
    {
        var reply = await CallAsync(grain => grain.RenderFrameAsync(made.Handle), cancellationToken).ConfigureAwait(false);
        ThrowIfFailed(reply.Error);
        return new RenderedFrame(new FrameShape(reply.Height, reply.Width), reply.Pixels);
    }

    /// <summary>Closes the env on its node; a lost node has nothing left to close.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0 || node.Reason is not null)
        {
            return;
        }
        try
        {
            await CallAsync(async grain => { await grain.CloseAsync(made.Handle); return true; }, CancellationToken.None, closing: true).ConfigureAwait(false);
        }
        catch (EnvException error) when (error.Code == EnvErrorCodes.NodeLost)
        {
            // The node went away with the env.
        }
    }

    /// <summary>
    /// One call to the hosting node, abandoned as soon as the node is known lost. Orleans reports an unreachable
    /// node with its own exceptions (silo unavailable, message rejected, timeout): each means this env is gone.
    /// </summary>
    private async Task<T> CallAsync<T>(Func<INodeGrain, Task<T>> call, CancellationToken cancellationToken, bool closing = false)
    {
        ObjectDisposedException.ThrowIf(!closing && Volatile.Read(ref _disposed) != 0, this);
        ThrowIfLost();
        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, node.Lost);
            return await call(node.Grain).WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (node.Lost.IsCancellationRequested)
        {
            throw Lost();
        }
        catch (Exception error) when (error is OrleansException or TimeoutException)
        {
            node.MarkLost($"node {node.Silo} cannot be reached ({error.GetType().Name}: {error.Message})");
            throw Lost();
        }
    }

    private void ThrowIfLost()
    {
        if (node.Reason is not null)
        {
            throw Lost();
        }
    }

    private EnvException Lost() =>
        new(EnvErrorCodes.NodeLost, $"env {InstanceId} lived on another node, which is gone: {node.Reason}; make it again");

    private static void ThrowIfFailed(RemoteEnvError? error)
    {
        if (error is null)
        {
            return;
        }
        throw new EnvException(error.Code, error.Message);
    }
}

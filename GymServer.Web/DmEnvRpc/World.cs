using System.Numerics;
using GymServer.Engine.Environments;
using GymServer.Engine.Sessions;
using GymServer.Protocol.Values;
using GymServer.Web.DmEnvRpc.Specs;
using GymServer.Web.DmEnvRpc.V1;
using Google.Protobuf.Collections;

namespace GymServer.Web.DmEnvRpc;

/// <summary>
/// A world: one env of the stream that created it, named by the env's instance id (so its recordings are under
/// <c>/media/&lt;world_name&gt;/</c>). Its episode is running or not: joining, leaving, Reset and ResetWorld leave
/// it not running, and so does a step that ends the episode (TERMINATED when the env terminates, INTERRUPTED when it
/// is truncated). A step of a world not running ignores its actions and resets the env, with the seed waiting for
/// that reset if any, and answers RUNNING with the first observation, as dm_env starts an episode.
/// </summary>
internal sealed class World(SessionEnv env, WorldSpecs specs, BigInteger? seed)
{
    private BigInteger? _nextSeed = seed;
    private bool _running;

    public string Name => Env.InstanceId;

    public SessionEnv Env { get; } = env;

    public WorldSpecs Specs { get; } = specs;

    /// <summary>Joining, leaving: the next step starts a new episode.</summary>
    public void Restart() => _running = false;

    /// <summary>Reset, ResetWorld: the next step starts a new episode, reset with <paramref name="seed"/> when one is given.</summary>
    public void Interrupt(BigInteger? seed)
    {
        _running = false;
        _nextSeed = seed ?? _nextSeed;
    }

    public async ValueTask<StepResponse> StepAsync(StepRequest request, CancellationToken cancellationToken)
    {
        var requested = Requested(request.RequestedObservations);
        if (!_running)
        {
            await Env.ResetAsync(_nextSeed, options: null, cancellationToken).ConfigureAwait(false);
            _nextSeed = null;
            _running = true;
            return Response(EnvironmentStateType.Running, requested, reward: 0, discount: 1);
        }
        ReadActions(request.Actions);
        StepResult result;
        try
        {
            (result, _) = await Env.StepAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (EnvException error) when (!DmEnvRpcErrors.LeftEnvUntouched(error.Code))
        {
            // The env failed mid-step: its state is unknown, so the next step starts over.
            _running = false;
            throw;
        }
        var state = result.Terminated ? EnvironmentStateType.Terminated
            : result.Truncated ? EnvironmentStateType.Interrupted
            : EnvironmentStateType.Running;
        _running = state == EnvironmentStateType.Running;
        // A terminated episode has no future to discount; a truncated one does (dm_env's truncation).
        return Response(state, requested, result.Reward, discount: result.Terminated ? 0 : 1);
    }

    /// <summary>The requested observation UIDs, each once; an unknown one is invalid_argument naming it.</summary>
    private HashSet<ulong> Requested(RepeatedField<ulong> uids)
    {
        var requested = new HashSet<ulong>();
        foreach (var uid in uids)
        {
            if (!Specs.HasObservation(uid))
            {
                throw DmEnvRpcException.InvalidArgument(
                    $"no observation with uid {uid} in world '{Name}' (its observations are uids 1 to {Specs.DiscountUid})");
            }
            requested.Add(uid);
        }
        return requested;
    }

    /// <summary>Reads every action into the env's action buffer: each one known, valid, and none missing.</summary>
    private void ReadActions(MapField<ulong, Tensor> actions)
    {
        foreach (var (uid, tensor) in actions)
        {
            var leaf = Specs.FindAction(uid) ?? throw DmEnvRpcException.InvalidAction(
                $"no action with uid {uid} in world '{Name}' (its actions are uids 1 to {Specs.Actions.Count})");
            if (leaf.TryRead(tensor, Env.Action) is string error)
            {
                throw DmEnvRpcException.InvalidAction(error);
            }
        }
        foreach (var leaf in Specs.Actions)
        {
            if (!actions.ContainsKey(leaf.Uid))
            {
                throw DmEnvRpcException.InvalidAction(
                    $"the step has no action '{leaf.Name}' (uid {leaf.Uid}); a Gymnasium env takes a whole action every step");
            }
        }
    }

    private StepResponse Response(EnvironmentStateType state, HashSet<ulong> requested, double reward, double discount)
    {
        var response = new StepResponse { State = state };
        foreach (var uid in requested)
        {
            response.Observations.Add(uid, uid == Specs.RewardUid ? Scalar(reward)
                : uid == Specs.DiscountUid ? Scalar(discount)
                : Specs.FindObservation(uid)!.Write(Env.Observation));
        }
        return response;
    }

    private static Tensor Scalar(double value) => new() { Doubles = new Tensor.Types.DoubleArray { Array = { value } } };
}

using System.Runtime.InteropServices;
using System.Text.Json;
using GymServer.Engine.Sessions;
using GymServer.Protocol;
using GymServer.Protocol.Framing;
using GymServer.Protocol.Spaces;
using GymServer.Protocol.V2;

namespace GymServer.Web.Tcp.States;

public partial class Protocol2JsonState
{
    private async ValueTask MakeVecAsync(MakeVecRequest request, ReplyBuffer output, CancellationToken cancellationToken)
    {
        var vector = await Session.OpenVectorAsync(request.Id, request.NumEnvs, request.Kwargs, request.Wrappers, cancellationToken).ConfigureAwait(false);
        MakeVecReply(vector).WriteTo(Replies.Begin(output));
        Replies.End(output);
    }

    /// <summary>make_vec's reply for a vector env just made, in either encoding.</summary>
    protected static MakeVecResponse MakeVecReply(VectorEnv vector)
    {
        var first = vector.Envs[0];
        return new MakeVecResponse(vector.InstanceId, first.Instance.Spec.Id, first.Instance.Backend, vector.Envs.Count,
            first.ObservationSpace.Description, first.ActionSpace.Description);
    }

    private async ValueTask ResetVecAsync(ResetRequest request, ReplyBuffer output, CancellationToken cancellationToken)
    {
        var vector = RequireVector(request.Instance);
        await vector.ResetAsync(request.Seed, request.Options, cancellationToken).ConfigureAwait(false);
        new VecResetResponse(vector.Envs[0].ObservationSpace.Description, vector.Observations, vector.Infos).WriteTo(Replies.Begin(output));
        Replies.End(output);
    }

    private async ValueTask StepVecAsync(StepVecRequest request, ReplyBuffer output, CancellationToken cancellationToken)
    {
        var vector = RequireVector(request.Instance);
        var count = request.Actions.GetArrayLength();
        if (count != vector.Envs.Count)
        {
            throw new ProtocolException(EnvErrorCodes.InvalidAction, $"expected {vector.Envs.Count} actions, one per env, got {count}");
        }
        // Every action is read and checked before any env steps, so a bad one leaves the whole vector as it was.
        var index = 0;
        foreach (var action in request.Actions.EnumerateArray())
        {
            var env = vector.Envs[index];
            try
            {
                if (action.ValueKind == JsonValueKind.String)
                {
                    throw new ProtocolException(EnvErrorCodes.InvalidAction, "the action must be JSON of the action space's form, not a string");
                }
                ActionReader.Read(env.ActionSpace.Description, JsonMarshal.GetRawUtf8Value(action), env.Action);
                if (!env.ActionSpace.Contains(env.Action))
                {
                    throw new ProtocolException(EnvErrorCodes.InvalidAction, $"{action.GetRawText()} is not in the action space {env.ActionSpace.DescriptionJson()}");
                }
            }
            catch (WireException error)
            {
                throw new ProtocolException(error.Code, $"actions[{index}]: {error.Message}");
            }
            index++;
        }
        await vector.StepAsync(cancellationToken).ConfigureAwait(false);
        var first = vector.Envs[0];
        new VecStepResponse(first.ObservationSpace.Description, vector.Observations, vector.Results, first.Instance.Spec.IntegerRewards, vector.Infos)
            .WriteTo(Replies.Begin(output));
        Replies.End(output);
    }
}

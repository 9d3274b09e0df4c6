using System.Runtime.InteropServices;
using System.Text.Json;
using GymServer.Engine.Environments;

namespace GymServer.Engine.Protocol.V2;

public sealed partial class Protocol2Dispatcher
{
    private async ValueTask MakeVecAsync(MakeVecRequest request, ReplyBuffer output, CancellationToken cancellationToken)
    {
        var vector = await Session.OpenVectorAsync(request.Id, request.NumEnvs, request.Kwargs, cancellationToken).ConfigureAwait(false);
        new MakeVecResponse(vector).WriteTo(_replies.Begin(output));
        _replies.End(output);
    }

    private async ValueTask ResetVecAsync(ResetRequest request, ReplyBuffer output, CancellationToken cancellationToken)
    {
        var vector = Session.RequireVector(request.Instance);
        await vector.ResetAsync(request.Seed, request.Options, cancellationToken).ConfigureAwait(false);
        new VecResetResponse(vector).WriteTo(_replies.Begin(output));
        _replies.End(output);
    }

    private async ValueTask StepVecAsync(StepVecRequest request, ReplyBuffer output, CancellationToken cancellationToken)
    {
        var vector = Session.RequireVector(request.Instance);
        var count = request.Actions.GetArrayLength();
        if (count != vector.Envs.Count)
        {
            throw new EnvException(EnvErrorCodes.InvalidAction, $"expected {vector.Envs.Count} actions, one per env, got {count}");
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
                    throw new EnvException(EnvErrorCodes.InvalidAction, "the action must be JSON of the action space's form, not a string");
                }
                ActionReader.Read(env.ActionSpace, JsonMarshal.GetRawUtf8Value(action), env.Action);
                if (!env.ActionSpace.Contains(env.Action))
                {
                    throw new EnvException(EnvErrorCodes.InvalidAction, $"{action.GetRawText()} is not in the action space {env.ActionSpace.DescriptionJson()}");
                }
            }
            catch (EnvException error)
            {
                throw new EnvException(error.Code, $"actions[{index}]: {error.Message}");
            }
            index++;
        }
        await vector.StepAsync(cancellationToken).ConfigureAwait(false);
        new VecStepResponse(vector).WriteTo(_replies.Begin(output));
        _replies.End(output);
    }
}

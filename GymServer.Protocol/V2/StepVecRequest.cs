using System.Text.Json;

namespace GymServer.Protocol.V2;

/// <summary>
/// <c>{"step_vec":{"instance":"3f2a9c0d1b7e4","actions":[1,0,1,1]}}</c>: Gymnasium's <c>envs.step(actions)</c>, one
/// action per sub-env in order. Replies <see cref="VecStepResponse"/>.
/// </summary>
/// <param name="Instance">The vector env's instance id.</param>
/// <param name="Actions">The list of actions as JSON; valid while the request is.</param>
public sealed record StepVecRequest(string Instance, JsonElement Actions)
{
    public static StepVecRequest Read(JsonElement arguments)
    {
        Arguments.OnlyKnown(arguments, Protocol2Names.StepVec, Protocol2Names.Instance, Protocol2Names.Actions);
        var instance = Arguments.RequiredString(arguments, Protocol2Names.StepVec, Protocol2Names.Instance);
        if (!arguments.TryGetProperty(Protocol2Names.Actions, out var actions))
        {
            throw Arguments.Invalid("step_vec needs actions");
        }
        return actions.ValueKind == JsonValueKind.Array
            ? new StepVecRequest(instance, actions)
            : throw Arguments.Invalid($"step_vec.actions must be a list of one action per env, got {Arguments.Describe(actions)}");
    }
}

using System.Text.Json;

namespace GymServer.Protocol.V2;

/// <summary>
/// <c>{"step":{"instance":"3f2a9c0d1b7e4","action":1}}</c>: Gymnasium's <c>env.step(action)</c>, the action in its
/// space's <c>to_jsonable</c> form. Replies <see cref="StepResponse"/>.
/// </summary>
/// <param name="Instance">The env's instance id.</param>
/// <param name="Action">The action as JSON; valid while the request is.</param>
public sealed record StepRequest(string Instance, JsonElement Action)
{
    public static StepRequest Read(JsonElement arguments)
    {
        Arguments.OnlyKnown(arguments, Protocol2Names.Step, Protocol2Names.Instance, Protocol2Names.Action);
        var instance = Arguments.RequiredString(arguments, Protocol2Names.Step, Protocol2Names.Instance);
        return arguments.TryGetProperty(Protocol2Names.Action, out var action)
            ? new StepRequest(instance, action)
            : throw Arguments.Invalid("step needs action");
    }
}

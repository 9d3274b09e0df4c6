using System.Text.Json;
using GymServer.Protocol.Values;

namespace GymServer.Protocol.V2;

/// <summary>
/// <c>{"make":{"id":"CartPole-v1","kwargs":{"sutton_barto_reward":true},"render_mode":null,
/// "wrappers":[{"name":"NormalizeObservation"}]}}</c>: Gymnasium's <c>gymnasium.make(id, render_mode=.., **kwargs)</c>,
/// then each wrapper around it in order. Replies <see cref="MakeResponse"/> with the wrapped env's spaces.
/// </summary>
/// <param name="Id">The env id, optionally with a backend prefix (<c>native:CartPole-v1</c>).</param>
/// <param name="Kwargs">Keyword arguments for the env's constructor, or null.</param>
/// <param name="RenderMode">The render mode, or null.</param>
/// <param name="Wrappers">The wrappers, in order; empty for none.</param>
public sealed record MakeRequest(
    string Id, IReadOnlyDictionary<string, JsonElement>? Kwargs, string? RenderMode, IReadOnlyList<WrapperSpec> Wrappers)
{
    public static MakeRequest Read(JsonElement arguments)
    {
        Arguments.OnlyKnown(arguments, Protocol2Names.Make, Protocol2Names.Id, Protocol2Names.Kwargs, Protocol2Names.RenderMode,
            Protocol2Names.Wrappers);
        var id = Arguments.RequiredString(arguments, Protocol2Names.Make, Protocol2Names.Id);
        var kwargs = Arguments.OptionalObject(arguments, Protocol2Names.Make, Protocol2Names.Kwargs)?.EnumerateObject()
            .ToDictionary(member => member.Name, member => member.Value.Clone(), StringComparer.Ordinal);
        var renderMode = Arguments.OptionalString(arguments, Protocol2Names.Make, Protocol2Names.RenderMode);
        return new MakeRequest(id, kwargs, renderMode, Arguments.OptionalWrappers(arguments, Protocol2Names.Make));
    }
}

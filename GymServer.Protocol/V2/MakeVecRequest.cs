using System.Text.Json;
using GymServer.Protocol.Values;

namespace GymServer.Protocol.V2;

/// <summary>
/// <c>{"make_vec":{"id":"CartPole-v1","num_envs":4,"kwargs":{..},"wrappers":[..]}}</c>: Gymnasium's
/// <c>gymnasium.make_vec(id, num_envs, vectorization_mode="sync", wrappers=[..], **kwargs)</c>, the wrappers around
/// each sub-env. Replies <see cref="MakeVecResponse"/>.
/// </summary>
/// <param name="Id">The env id, optionally with a backend prefix.</param>
/// <param name="NumEnvs">How many copies, 1 to <see cref="MaxNumEnvs"/>.</param>
/// <param name="Kwargs">Keyword arguments for every copy's constructor, or null.</param>
/// <param name="Wrappers">The wrappers around every copy, in order; empty for none.</param>
public sealed record MakeVecRequest(
    string Id, int NumEnvs, IReadOnlyDictionary<string, JsonElement>? Kwargs, IReadOnlyList<WrapperSpec> Wrappers)
{
    /// <summary>The most copies one vector env may hold.</summary>
    public const int MaxNumEnvs = 4096;

    public static MakeVecRequest Read(JsonElement arguments)
    {
        Arguments.OnlyKnown(arguments, Protocol2Names.MakeVec, Protocol2Names.Id, Protocol2Names.NumEnvs, Protocol2Names.Kwargs,
            Protocol2Names.Wrappers);
        var id = Arguments.RequiredString(arguments, Protocol2Names.MakeVec, Protocol2Names.Id);
        if (!arguments.TryGetProperty(Protocol2Names.NumEnvs, out var count))
        {
            throw Arguments.Invalid("make_vec needs num_envs");
        }
        if (count.ValueKind != JsonValueKind.Number || !count.TryGetInt32(out var numEnvs) || numEnvs is < 1 or > MaxNumEnvs)
        {
            throw new ProtocolException(EnvErrorCodes.InvalidArgument,
                $"make_vec.num_envs must be an integer from 1 to {MaxNumEnvs}, got {count.GetRawText()}");
        }
        var kwargs = Arguments.OptionalObject(arguments, Protocol2Names.MakeVec, Protocol2Names.Kwargs)?.EnumerateObject()
            .ToDictionary(member => member.Name, member => member.Value.Clone(), StringComparer.Ordinal);
        return new MakeVecRequest(id, numEnvs, kwargs, Arguments.OptionalWrappers(arguments, Protocol2Names.MakeVec));
    }
}

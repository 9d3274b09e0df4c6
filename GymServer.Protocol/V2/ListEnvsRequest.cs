using System.Text.Json;

namespace GymServer.Protocol.V2;

/// <summary><c>{"list_envs":{}}</c>: every registered env id with its spaces. Replies <see cref="ListEnvsResponse"/>.</summary>
public sealed record ListEnvsRequest
{
    public static ListEnvsRequest Read(JsonElement arguments)
    {
        Arguments.OnlyKnown(arguments, Protocol2Names.ListEnvs);
        return new ListEnvsRequest();
    }
}

using System.Text.Json;

namespace GymServer.Protocol.V2;

/// <summary>
/// <c>{"sample":{"instance":"3f2a9c0d1b7e4"}}</c>: Gymnasium's <c>env.action_space.sample()</c>. Replies
/// <see cref="SampleResponse"/>.
/// </summary>
/// <param name="Instance">The env's instance id.</param>
public sealed record SampleRequest(string Instance)
{
    public static SampleRequest Read(JsonElement arguments)
    {
        Arguments.OnlyKnown(arguments, Protocol2Names.Sample, Protocol2Names.Instance);
        return new SampleRequest(Arguments.RequiredString(arguments, Protocol2Names.Sample, Protocol2Names.Instance));
    }
}

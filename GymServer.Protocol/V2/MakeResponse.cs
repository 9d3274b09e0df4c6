using System.Text.Json;
using GymServer.Protocol.Spaces;

namespace GymServer.Protocol.V2;

/// <summary>
/// Reply to <see cref="MakeRequest"/>: <c>{"instance":"3f2a9c0d1b7e4","id":"CartPole-v1","backend":"native",
/// "observation_space":{..},"action_space":{..}}</c>, spaces in their full description form.
/// </summary>
/// <param name="Instance">The env's instance id.</param>
/// <param name="Id">The env id, without a backend prefix.</param>
/// <param name="Backend">The backend that runs it.</param>
/// <param name="ObservationSpace">Its observation space.</param>
/// <param name="ActionSpace">Its action space.</param>
public readonly ref struct MakeResponse(string Instance, string Id, string Backend, SpaceDescription ObservationSpace, SpaceDescription ActionSpace)
{
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString(Protocol2Names.InstanceName, Instance);
        writer.WriteString(Protocol2Names.IdName, Id);
        writer.WriteString(Protocol2Names.Backend, Backend);
        writer.WritePropertyName(Protocol2Names.ObservationSpace);
        ObservationSpace.WriteTo(writer);
        writer.WritePropertyName(Protocol2Names.ActionSpace);
        ActionSpace.WriteTo(writer);
        writer.WriteEndObject();
    }
}

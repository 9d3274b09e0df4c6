using System.Text.Json;
using GymServer.Engine.Sessions;

namespace GymServer.Engine.Protocol.V2;

/// <summary>
/// Reply to <see cref="MakeRequest"/>: <c>{"instance":"3f2a9c0d1b7e4","id":"CartPole-v1","backend":"native",
/// "observation_space":{..},"action_space":{..}}</c>, spaces in their full description form.
/// </summary>
/// <param name="Env">The env just made.</param>
public readonly ref struct MakeResponse(SessionEnv Env)
{
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString(Protocol2Names.InstanceName, Env.InstanceId);
        writer.WriteString(Protocol2Names.IdName, Env.Instance.Spec.Id);
        writer.WriteString(Protocol2Names.Backend, Env.Instance.Backend);
        writer.WritePropertyName(Protocol2Names.ObservationSpace);
        Env.ObservationSpace.WriteDescription(writer);
        writer.WritePropertyName(Protocol2Names.ActionSpace);
        Env.ActionSpace.WriteDescription(writer);
        writer.WriteEndObject();
    }
}

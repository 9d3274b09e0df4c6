using System.Text.Json;
using GymServer.Engine.Sessions;

namespace GymServer.Engine.Protocol.V2;

/// <summary>
/// Reply to <see cref="MakeVecRequest"/>: <c>{"instance":"..","id":"CartPole-v1","backend":"native","num_envs":4,
/// "single_observation_space":{..},"single_action_space":{..}}</c>, the spaces of one sub-env.
/// </summary>
/// <param name="Vector">The vector env just made.</param>
public readonly ref struct MakeVecResponse(VectorEnv Vector)
{
    public void WriteTo(Utf8JsonWriter writer)
    {
        var first = Vector.Envs[0];
        writer.WriteStartObject();
        writer.WriteString(Protocol2Names.InstanceName, Vector.InstanceId);
        writer.WriteString(Protocol2Names.IdName, first.Instance.Spec.Id);
        writer.WriteString(Protocol2Names.Backend, first.Instance.Backend);
        writer.WriteNumber(Protocol2Names.NumEnvsName, Vector.Envs.Count);
        writer.WritePropertyName(Protocol2Names.SingleObservationSpace);
        first.ObservationSpace.WriteDescription(writer);
        writer.WritePropertyName(Protocol2Names.SingleActionSpace);
        first.ActionSpace.WriteDescription(writer);
        writer.WriteEndObject();
    }
}

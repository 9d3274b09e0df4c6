using System.Text.Json;
using GymServer.Protocol.Spaces;

namespace GymServer.Protocol.V2;

/// <summary>
/// Reply to <see cref="MakeVecRequest"/>: <c>{"instance":"..","id":"CartPole-v1","backend":"native","num_envs":4,
/// "single_observation_space":{..},"single_action_space":{..}}</c>, the spaces of one sub-env.
/// </summary>
/// <param name="Instance">The vector env's instance id.</param>
/// <param name="Id">The env id of every sub-env, without a backend prefix.</param>
/// <param name="Backend">The backend that runs them.</param>
/// <param name="NumEnvs">The number of sub-envs.</param>
/// <param name="SingleObservationSpace">One sub-env's observation space.</param>
/// <param name="SingleActionSpace">One sub-env's action space.</param>
public readonly ref struct MakeVecResponse(
    string Instance, string Id, string Backend, int NumEnvs, SpaceDescription SingleObservationSpace, SpaceDescription SingleActionSpace)
{
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString(Protocol2Names.InstanceName, Instance);
        writer.WriteString(Protocol2Names.IdName, Id);
        writer.WriteString(Protocol2Names.Backend, Backend);
        writer.WriteNumber(Protocol2Names.NumEnvsName, NumEnvs);
        writer.WritePropertyName(Protocol2Names.SingleObservationSpace);
        SingleObservationSpace.WriteTo(writer);
        writer.WritePropertyName(Protocol2Names.SingleActionSpace);
        SingleActionSpace.WriteTo(writer);
        writer.WriteEndObject();
    }
}

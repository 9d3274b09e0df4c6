using System.Text.Json;
using GymServer.Protocol.V1;

namespace GymServer.Protocol.V2;

/// <summary>
/// Reply to <see cref="ListEnvsRequest"/>: <c>{"envs":[{"id":"Acrobot-v1","backend":"native",
/// "observation_space":{..},"action_space":{..},"gymnasium":"1.4.0"},..]}</c>, where <c>gymnasium</c> is the release
/// a native env follows, a deprecated id has <c>"deprecated_by":"Taxi-v4"</c>, and a preset (listed after the ids,
/// with its wrapped spaces) has <c>"preset":{"id":"CartPole-v1","wrappers":[{"name":"NormalizeObservation"}]}</c>.
/// Ids that could not be made follow in <c>"unavailable":[{"id":..,"backend":..,"code":..,"message":..}]</c>, present
/// only when there are some.
/// </summary>
/// <param name="Envs">The registered envs.</param>
/// <param name="Unavailable">The ids that could not be made, with why.</param>
public readonly ref struct ListEnvsResponse(IReadOnlyList<RegisteredEnv> Envs, IReadOnlyList<UnavailableEnv> Unavailable)
{
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteStartArray(Protocol2Names.Envs);
        foreach (var env in Envs)
        {
            writer.WriteStartObject();
            writer.WriteString(Protocol2Names.IdName, env.Id);
            writer.WriteString(Protocol2Names.Backend, env.Backend);
            writer.WritePropertyName(Protocol2Names.ObservationSpace);
            writer.WriteRawValue(env.ObservationSpace, skipInputValidation: true);
            writer.WritePropertyName(Protocol2Names.ActionSpace);
            writer.WriteRawValue(env.ActionSpace, skipInputValidation: true);
            if (env.Gymnasium is { } gymnasium)
            {
                writer.WriteString(Protocol2Names.Gymnasium, gymnasium);
            }
            if (env.DeprecatedBy is { } successor)
            {
                writer.WriteString(Protocol2Names.DeprecatedBy, successor);
            }
            if (env.Preset is { } preset)
            {
                writer.WritePropertyName(Protocol2Names.Preset);
                writer.WriteRawValue(preset, skipInputValidation: true);
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        if (Unavailable.Count > 0)
        {
            writer.WriteStartArray(Protocol2Names.Unavailable);
            foreach (var env in Unavailable)
            {
                writer.WriteStartObject();
                writer.WriteString(Protocol2Names.IdName, env.Id);
                writer.WriteString(Protocol2Names.Backend, env.Backend);
                writer.WriteString(ProtocolNames.Code, env.Code);
                writer.WriteString(ProtocolNames.Message, env.Message);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }
}

using System.Text.Json;
using GymServer.Protocol.Values;

namespace GymServer.Engine.Sessions;

/// <summary>
/// A named env an administrator offers (<c>Gym:Envs:Presets</c>): an env id with keyword arguments and wrappers,
/// made whenever a client names the preset where it would name an env id.
/// </summary>
/// <param name="Name">What clients call it (<c>CartPoleNorm-v1</c>).</param>
/// <param name="Id">The env it makes, optionally with a backend prefix; not another preset.</param>
/// <param name="Kwargs">The env's keyword arguments; a client's own override them one by one.</param>
/// <param name="Wrappers">Applied first, in order; a client's own wrappers go around them.</param>
public sealed record EnvPreset(
    string Name,
    string Id,
    IReadOnlyDictionary<string, JsonElement>? Kwargs,
    IReadOnlyList<WrapperSpec> Wrappers)
{
    /// <summary>The definition as JSON, <c>{"id":..,"kwargs":{..},"wrappers":[..]}</c>, for listings.</summary>
    public string DefinitionJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", Id);
            if (Kwargs is { Count: > 0 })
            {
                writer.WriteStartObject("kwargs");
                foreach (var (name, value) in Kwargs)
                {
                    writer.WritePropertyName(name);
                    value.WriteTo(writer);
                }
                writer.WriteEndObject();
            }
            writer.WritePropertyName("wrappers");
            WrapperSpec.WriteList(writer, Wrappers);
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace GymServer.Client.Tests;

/// <summary>
/// Plays one scenario of clients/scenarios/protocol.json (format in clients/scenarios/README.md) over a
/// <see cref="GymConnection"/>: sends each request, with "$name" strings replaced by saved values, and matches each
/// reply against its pattern.
/// </summary>
public sealed class ScenarioReplay
{
    private readonly Dictionary<string, JsonNode?> _saved = [];

    public static IEnumerable<JsonObject> Load() =>
        JsonNode.Parse(File.ReadAllText(RepositoryPaths.ScenarioFile))!["scenarios"]!.AsArray().Select(s => s!.AsObject());

    public async Task RunAsync(GymConnection connection, JsonObject scenario)
    {
        if ((int)scenario["protocol"]! == 2)
        {
            var handshake = await connection.RequestAsync(JsonNode.Parse("""{"server":{"protocol":2}}""")!);
            Assert.Equal(2, handshake.GetProperty("protocol").GetInt32());
        }
        var index = 0;
        foreach (var step in scenario["steps"]!.AsArray())
        {
            var request = Substitute(step!["send"]);
            var expect = step["expect"];
            if (expect is null)
            {
                await connection.SendAsync(request!);
            }
            else
            {
                var reply = await connection.RequestAsync(request!);
                var mismatch = Match(expect, reply, "reply");
                Assert.True(mismatch is null, $"step {index} {request!.ToJsonString()}: {mismatch}\n  reply: {reply.GetRawText()}");
            }
            index++;
        }
    }

    private JsonNode? Substitute(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Substitute(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Substitute).ToArray()),
        JsonValue v when v.TryGetValue<string>(out var s) && s.StartsWith('$') =>
            _saved.TryGetValue(s[1..], out var saved) ? saved?.DeepClone() : throw new InvalidOperationException($"no saved variable {s}"),
        _ => node?.DeepClone(),
    };

    /// <summary>Null when <paramref name="actual"/> matches the pattern, else what differs (at which path).</summary>
    private string? Match(JsonNode? pattern, JsonElement actual, string path)
    {
        if (pattern is JsonValue value && value.TryGetValue<string>(out var text) && text.StartsWith('$'))
        {
            if (text.StartsWith("$save:", StringComparison.Ordinal))
            {
                _saved[text["$save:".Length..]] = JsonNode.Parse(actual.GetRawText());
                return null;
            }
            var kind = text switch
            {
                "$any" => actual.ValueKind,
                "$number" => JsonValueKind.Number,
                "$string" => JsonValueKind.String,
                "$array" => JsonValueKind.Array,
                "$object" => JsonValueKind.Object,
                "$bool" => actual.ValueKind is JsonValueKind.True or JsonValueKind.False ? actual.ValueKind : JsonValueKind.True,
                _ => throw new InvalidOperationException($"unknown pattern {text}"),
            };
            return actual.ValueKind == kind ? null : $"{path}: expected {text}, got {actual.ValueKind}";
        }
        switch (pattern)
        {
            case JsonObject members:
                if (actual.ValueKind != JsonValueKind.Object)
                {
                    return $"{path}: expected an object";
                }
                foreach (var (name, member) in members)
                {
                    if (!actual.TryGetProperty(name, out var got))
                    {
                        return $"{path}.{name}: missing";
                    }
                    if (Match(member, got, $"{path}.{name}") is { } inner)
                    {
                        return inner;
                    }
                }
                return null;
            case JsonArray items:
                if (actual.ValueKind != JsonValueKind.Array || actual.GetArrayLength() != items.Count)
                {
                    return $"{path}: expected an array of {items.Count}";
                }
                return items.Select((item, i) => Match(item, actual[i], $"{path}[{i}]")).FirstOrDefault(m => m is not null);
            case null:
                return actual.ValueKind == JsonValueKind.Null ? null : $"{path}: expected null";
            default:
                var expected = JsonSerializer.SerializeToElement(pattern);
                if (expected.ValueKind == JsonValueKind.Number)
                {
                    return actual.ValueKind == JsonValueKind.Number && actual.GetDouble() == expected.GetDouble() ? null : $"{path}: expected {expected}";
                }
                return JsonElement.DeepEquals(expected, actual) ? null : $"{path}: expected {expected.GetRawText()}";
        }
    }
}

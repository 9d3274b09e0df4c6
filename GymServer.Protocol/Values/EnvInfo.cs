using System.Buffers;
using System.Text.Json;

namespace GymServer.Protocol.Values;

/// <summary>
/// Gymnasium's info dict, reused from step to step: the caller owns one, the env clears and fills it.
/// Keys keep their insertion order, as Python dicts do.
/// </summary>
public sealed class EnvInfo
{
    private readonly List<InfoEntry> _entries = new(4);

    public int Count => _entries.Count;

    public InfoEntry this[int index] => _entries[index];

    public void Clear() => _entries.Clear();

    public void Add(string key, double value) => _entries.Add(new InfoEntry(key, InfoKind.Float, value, 0, null));

    public void Add(string key, long value) => _entries.Add(new InfoEntry(key, InfoKind.Integer, value, value, null));

    public void Add(string key, bool value) => _entries.Add(new InfoEntry(key, InfoKind.Boolean, 0, value ? 1 : 0, null));

    /// <summary>Adds an int8 array by reference: the env must not change it until the info is consumed.</summary>
    public void Add(string key, sbyte[] values) => _entries.Add(new InfoEntry(key, InfoKind.Int8Array, 0, 0, values));

    /// <summary>Adds an already-encoded JSON value by reference.</summary>
    public void AddRawJson(string key, byte[] utf8Json) => _entries.Add(new InfoEntry(key, InfoKind.RawJson, 0, 0, utf8Json));

    /// <summary>
    /// Adds the JSON value written into <paramref name="utf8Json"/>, by reference: the env writes its next value
    /// into the same buffer (so a step allocates nothing), not before this info is consumed.
    /// </summary>
    public void AddRawJson(string key, ArrayBufferWriter<byte> utf8Json) => _entries.Add(new InfoEntry(key, InfoKind.RawJson, 0, 0, utf8Json));

    public bool TryGet(string key, out InfoEntry entry)
    {
        foreach (var candidate in _entries)
        {
            if (candidate.Key == key)
            {
                entry = candidate;
                return true;
            }
        }
        entry = default;
        return false;
    }

    /// <summary>
    /// Writes the info as a JSON object, floats as Python writes them ("1.0", never "1": Taxi's prob is a float,
    /// FrozenLake's reset prob an int, and a client must tell them apart) and non-finite ones as "nan", "inf", "-inf".
    /// </summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        WriteEntries(writer, PythonJson.WriteFloat);
        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes the entries as properties of the JSON object the caller has started; <paramref name="writeFloat"/>
    /// decides how floats are spelled (protocol 1 writes them as Python does).
    /// </summary>
    public void WriteEntries(Utf8JsonWriter writer, Action<Utf8JsonWriter, double> writeFloat)
    {
        foreach (var entry in _entries)
        {
            writer.WritePropertyName(entry.Key);
            switch (entry.Kind)
            {
                case InfoKind.Float:
                    writeFloat(writer, entry.Float);
                    break;
                case InfoKind.Integer:
                    writer.WriteNumberValue(entry.Integer);
                    break;
                case InfoKind.Boolean:
                    writer.WriteBooleanValue(entry.Boolean);
                    break;
                case InfoKind.Int8Array:
                    writer.WriteStartArray();
                    foreach (var value in entry.Int8Array)
                    {
                        writer.WriteNumberValue(value);
                    }
                    writer.WriteEndArray();
                    break;
                case InfoKind.RawJson:
                    writer.WriteRawValue(entry.RawJson.Span, skipInputValidation: true);
                    break;
                default:
                    throw new InvalidOperationException($"unknown info kind {entry.Kind}");
            }
        }
    }
}

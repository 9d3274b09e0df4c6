using System.Buffers;

namespace GymServer.Protocol.Values;

/// <summary>The kinds of value an info entry holds.</summary>
public enum InfoKind
{
    Float,
    Integer,
    Boolean,
    Int8Array,
    /// <summary>A JSON value already encoded as UTF-8 (Python envs' info arrives that way).</summary>
    RawJson,
}

/// <summary>
/// One key of an env's info dict. Array and JSON payloads are held by reference to buffers the env owns and reuses,
/// so filling an info does not allocate.
/// </summary>
public readonly record struct InfoEntry(string Key, InfoKind Kind, double Float, long Integer, object? Payload)
{
    public bool Boolean => Integer != 0;

    /// <summary>The int8 array of an <see cref="InfoKind.Int8Array"/> entry.</summary>
    public ReadOnlySpan<sbyte> Int8Array => Payload is sbyte[] array ? array : default;

    /// <summary>The UTF-8 JSON of a <see cref="InfoKind.RawJson"/> entry.</summary>
    public ReadOnlyMemory<byte> RawJson => Payload switch
    {
        byte[] bytes => bytes,
        ArrayBufferWriter<byte> buffer => buffer.WrittenMemory,
        ReadOnlyMemory<byte> json => json,
        _ => default,
    };
}

using System.Buffers.Binary;
using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Protocol.Values;

namespace GymServer.Engine.Python;

/// <summary>Reading the parts of OK replies that several calls share.</summary>
internal static class WorkerReplies
{
    /// <summary>The bytes of a step's result: a float64 reward and a flags byte.</summary>
    public const int StepResultSize = 9;

    private const byte Terminated = 1;
    private const byte Truncated = 2;
    private const byte IntegerReward = 4;

    /// <summary>A step's float64 reward and flags byte (bit 0 terminated, bit 1 truncated, bit 2 an integer reward).</summary>
    public static StepResult ReadStepResult(ReadOnlySpan<byte> payload, string what)
    {
        if (payload.Length < StepResultSize)
        {
            throw WorkerErrors.Protocol($"{what} has {payload.Length} bytes for its result, fewer than {StepResultSize}");
        }
        var reward = BinaryPrimitives.ReadDoubleLittleEndian(payload);
        var flags = payload[8];
        return new StepResult(reward, (flags & Terminated) != 0, (flags & Truncated) != 0, (flags & IntegerReward) != 0);
    }

    public static void CopyObservation(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (source.Length != destination.Length)
        {
            throw WorkerErrors.Protocol($"observation has {source.Length} bytes, its space needs {destination.Length}");
        }
        source.CopyTo(destination);
    }

    /// <summary>
    /// The observation from the env's slot, or from the payload when it has none, into the session's buffer. An
    /// empty destination with a slot leaves the observation in the slot, for the reply to copy it from there: the
    /// server's one copy of it (docs/worker-protocol.md, "Shared memory").
    /// </summary>
    public static void CopyObservation(ReadOnlySpan<byte> payload, SharedSlot? slot, Span<byte> destination)
    {
        if (slot is null)
        {
            CopyObservation(payload, destination);
            return;
        }
        if (!payload.IsEmpty)
        {
            throw WorkerErrors.Protocol($"{payload.Length} observation bytes on the pipe from an env whose observations are in shared memory");
        }
        if (!destination.IsEmpty)
        {
            slot.CopyTo(destination);
        }
    }

    /// <summary>
    /// Fills an info from the worker's JSON object, one raw JSON entry per key: values pass through to the client
    /// as the worker wrote them. Empty meta is an empty info.
    /// </summary>
    public static void FillInfo(EnvInfo info, ReadOnlySpan<byte> json)
    {
        info.Clear();
        if (json.IsEmpty)
        {
            return;
        }
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw WorkerErrors.Protocol("info is not a JSON object");
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            info.AddRawJson(key, json[start..(int)reader.BytesConsumed].ToArray());
        }
    }
}

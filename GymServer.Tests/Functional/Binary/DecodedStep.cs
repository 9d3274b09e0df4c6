using System.Buffers.Binary;
using System.Text.Json;

namespace GymServer.Tests.Functional.Binary;

/// <summary>A 0x81 payload taken apart field by field, as the layout in docs/protocol.md gives it.</summary>
public sealed record DecodedStep(int Count, byte[][] Observations, double[] Rewards, bool[] Terminated, bool[] Truncated, JsonElement? Infos)
{
    public static DecodedStep Decode(byte[] payload)
    {
        var count = BinaryPrimitives.ReadInt32LittleEndian(payload);
        var size = BinaryPrimitives.ReadInt32LittleEndian(payload.AsSpan(4));
        var at = 8;
        var observations = new byte[count][];
        for (var i = 0; i < count; i++, at += size)
        {
            observations[i] = payload.AsSpan(at, size).ToArray();
        }
        var rewards = new double[count];
        for (var i = 0; i < count; i++, at += 8)
        {
            rewards[i] = BinaryPrimitives.ReadDoubleLittleEndian(payload.AsSpan(at));
        }
        var terminated = payload.AsSpan(at, count).ToArray().Select(flag => flag == 1).ToArray();
        var truncated = payload.AsSpan(at + count, count).ToArray().Select(flag => flag == 1).ToArray();
        at += 2 * count;
        var infoLength = BinaryPrimitives.ReadInt32LittleEndian(payload.AsSpan(at));
        at += 4;
        Assert.Equal(payload.Length, at + infoLength);
        JsonElement? infos = infoLength == 0 ? null : JsonDocument.Parse(payload.AsMemory(at, infoLength)).RootElement.Clone();
        return new DecodedStep(count, observations, rewards, terminated, truncated, infos);
    }
}

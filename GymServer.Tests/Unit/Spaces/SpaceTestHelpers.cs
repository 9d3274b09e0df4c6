using System.Text.Json;
using GymServer.Engine.Spaces;

namespace GymServer.Tests.Unit.Spaces;

/// <summary>Small conveniences shared by the space tests.</summary>
internal static class SpaceTestHelpers
{
    /// <summary>Reads a JSON value into a new buffer of the space's layout.</summary>
    public static byte[] Value(this Space space, string json)
    {
        using var document = JsonDocument.Parse(json);
        var bytes = new byte[space.ByteSize];
        space.ReadValue(document.RootElement, bytes);
        return bytes;
    }

    /// <summary>n samples after seeding, as JSON strings (easy to compare and to print).</summary>
    public static List<string> Samples(this Space space, int? seed, int n)
    {
        if (seed is not null)
        {
            space.Seed(seed);
        }
        var buffer = new byte[space.ByteSize];
        var samples = new List<string>(n);
        for (var i = 0; i < n; i++)
        {
            space.Sample(buffer);
            samples.Add(space.ValueJson(buffer));
        }
        return samples;
    }
}

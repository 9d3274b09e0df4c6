using System.Runtime.InteropServices;
using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Engine.Spaces;
using GymServer.Engine.Wrappers;
using GymServer.Protocol.Spaces;
using GymServer.Protocol.Values;
using GymServer.Tests.Conformance;
using GymServer.Tests.Infrastructure;

namespace GymServer.Tests.Unit.Wrappers;

/// <summary>
/// RescaleAction against Gymnasium's on Box bounds no native env has (widths that are not powers of two, so the
/// long-double division of the gradient rounds, infinite bounds): rescale_action.jsonl holds Gymnasium 1.4.0's
/// wrapped space, gradient, intercept and transformed actions, float32 for float32.
/// </summary>
public sealed class RescaleActionTests
{
    public static TheoryData<int> Cases() =>
        new(Enumerable.Range(0, File.ReadLines(DataFile).Count()));

    private static string DataFile => Path.Combine(WrapperConformanceTests.Folder, "rescale_action.jsonl");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Gradient_intercept_and_actions_match_gymnasium(int line)
    {
        var record = JsonDocument.Parse(File.ReadLines(DataFile).ElementAt(line)).RootElement;
        var probe = new ProbeEnv(new Box(Floats(record.GetProperty("low")), Floats(record.GetProperty("high")), [record.GetProperty("low").GetArrayLength()], DType.Float32));
        var kwargs = new Dictionary<string, JsonElement>
        {
            ["min_action"] = record.GetProperty("min_action"),
            ["max_action"] = record.GetProperty("max_action"),
        };
        using var env = NativeWrappers.Apply(probe, [new WrapperSpec("RescaleAction", kwargs)]);
        var wrapper = Assert.IsType<RescaleAction>(env);

        JsonAssert.Equal(record.GetProperty("action_space").GetRawText(), env.ActionSpace.DescriptionJson());
        AssertBits(record.GetProperty("gradient"), wrapper.Gradient, "gradient");
        AssertBits(record.GetProperty("intercept"), wrapper.Intercept, "intercept");
        var observation = new byte[env.ObservationSpace.ByteSize];
        var info = new EnvInfo();
        env.Reset(0, null, observation, info);
        foreach (var pair in record.GetProperty("actions").EnumerateArray())
        {
            var action = new byte[env.ActionSpace.ByteSize];
            env.ActionSpace.ReadValue(pair[0], action);
            env.Step(action, observation, info);
            AssertBits(pair[1], MemoryMarshal.Cast<byte, float>(probe.LastAction), $"action {pair[0]}");
        }
    }

    private static double[] Floats(JsonElement values) =>
        [.. values.EnumerateArray().Select(value => Elements.TryReadFloat(value, out var number) ? number : throw new FormatException(value.GetRawText()))];

    private static void AssertBits(JsonElement expected, ReadOnlySpan<float> actual, string what)
    {
        var values = Floats(expected);
        Assert.Equal(values.Length, actual.Length);
        for (var i = 0; i < values.Length; i++)
        {
            Assert.True(
                BitConverter.SingleToInt32Bits((float)values[i]) == BitConverter.SingleToInt32Bits(actual[i]),
                $"{what} element {i}: {actual[i]:R}, expected {values[i]:R}");
        }
    }
}

using System.Text.Json;
using GymServer.Engine.Spaces;
using GymServer.Engine.Wrappers;
using GymServer.Protocol.Spaces;
using GymServer.Tests.Conformance;

namespace GymServer.Tests.Unit.Wrappers;

/// <summary>Flattening promotes the dtypes of a Tuple's or Dict's parts as numpy does (result_types.jsonl).</summary>
public sealed class NumpyTypesTests
{
    [Fact]
    public void Promotion_matches_numpy_result_type_for_every_pair()
    {
        var lines = File.ReadLines(Path.Combine(WrapperConformanceTests.Folder, "result_types.jsonl")).ToList();
        Assert.Equal(121, lines.Count);
        foreach (var line in lines)
        {
            var record = JsonDocument.Parse(line).RootElement;
            var (a, b, result) = (Parse(record, "a"), Parse(record, "b"), Parse(record, "result"));
            Assert.True(NumpyTypes.Promote(a, b) == result, $"result_type({DTypes.Name(a)}, {DTypes.Name(b)}) is {DTypes.Name(result)}, got {DTypes.Name(NumpyTypes.Promote(a, b))}");
        }
    }

    private static DType Parse(JsonElement record, string name) =>
        DTypes.TryParse(record.GetProperty(name).GetString()!, out var dtype) ? dtype : throw new FormatException(record.GetRawText());
}

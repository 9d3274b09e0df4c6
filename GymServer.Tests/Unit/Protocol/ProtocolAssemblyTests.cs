using GymServer.Protocol;

namespace GymServer.Tests.Unit.Protocol;

/// <summary>
/// The wire library stands alone: it references the base class library and the two codecs of frame compression
/// (managed LZ4 and Zstandard) and nothing else, so nothing of sessions, envs, Kestrel or Orleans can creep into it,
/// and the C# client can ship it.
/// </summary>
public sealed class ProtocolAssemblyTests
{
    [Fact]
    public void TheWireLibraryReferencesOnlyTheBaseClassLibrary()
    {
        var references = typeof(WireException).Assembly.GetReferencedAssemblies().Select(name => name.Name!).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, name => Assert.True(
            name.StartsWith("System", StringComparison.Ordinal) || name is "netstandard" or "mscorlib" or "K4os.Compression.LZ4" or "ZstdSharp",
            $"GymServer.Protocol references {name}"));
        Assert.DoesNotContain(references, name =>
            name.StartsWith("GymServer", StringComparison.Ordinal)
            || name.Contains("Orleans", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }
}

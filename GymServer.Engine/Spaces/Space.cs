using System.Numerics;
using System.Text.Json;
using GymServer.Engine.Random;
using GymServer.Protocol.Spaces;

namespace GymServer.Engine.Spaces;

/// <summary>
/// A Gymnasium space: its semantics (bounds, sampling with numpy's generator, seeding). A value of a space is held as
/// raw little-endian bytes, laid out as numpy lays it out: Discrete as one int64, Box as its dtype in row-major
/// order, MultiDiscrete as int64s, MultiBinary as int8s, Tuple and Dict as their subspaces' values one after another
/// (Dict in key order). <see cref="ByteSize"/> is the length of such a value, so callers own fixed buffers and the
/// step path does not allocate. How a space and its values look on the wire is its <see cref="Description"/>'s
/// business (GymServer.Protocol).
/// </summary>
public abstract partial class Space
{
    private NumpyGenerator? _random;

    /// <summary>Gymnasium's class name: "Discrete", "Box", "MultiDiscrete", "MultiBinary", "Tuple", "Dict".</summary>
    public abstract string TypeName { get; }

    /// <summary>The number of bytes of one value of this space.</summary>
    public abstract int ByteSize { get; }

    /// <summary>The space's own generator, seeded from OS entropy until <see cref="Seed"/> is called.</summary>
    public NumpyGenerator NpRandom => _random ??= NumpyGenerator.FromSeed(null);

    /// <summary>Gymnasium's <c>space.seed(seed)</c>. Composite spaces also seed their subspaces, as Gymnasium does.</summary>
    public virtual void Seed(BigInteger? seed) => _random = NumpyGenerator.FromSeed(seed);

    /// <summary>Gymnasium's <c>space.sample()</c>, written into <paramref name="destination"/>.</summary>
    public abstract void Sample(Span<byte> destination);

    /// <summary>Gymnasium's <c>space.contains(x)</c> for a value in this space's layout.</summary>
    public abstract bool Contains(ReadOnlySpan<byte> value);

    /// <summary>The space as the wire describes it; a value's JSON form is the description's too.</summary>
    public abstract SpaceDescription Description { get; }

    /// <summary>
    /// Writes the description GymServer uses everywhere (the conformance header's form): <c>{"type":"Box",...}</c>.
    /// </summary>
    public void WriteDescription(Utf8JsonWriter writer) => Description.WriteTo(writer);

    /// <summary>Writes a value as Gymnasium's <c>to_jsonable</c> would: numbers, nested lists, objects.</summary>
    public void WriteValue(ReadOnlySpan<byte> value, Utf8JsonWriter writer) => Description.WriteValue(value, writer);

    /// <summary>
    /// Reads a JSON value into this space's layout. Throws <see cref="Protocol.ProtocolException"/> with code
    /// invalid_action when the JSON does not have the space's form. It does not check bounds: see <see cref="Contains"/>.
    /// </summary>
    public void ReadValue(JsonElement json, Span<byte> destination) => Description.ReadValue(json, destination);

    /// <summary>An allocating convenience: a new buffer holding one sample.</summary>
    public byte[] Sample()
    {
        var buffer = new byte[ByteSize];
        Sample(buffer);
        return buffer;
    }

    /// <summary>The description as a JSON string (for logs, tests and catalogues, not the step path).</summary>
    public string DescriptionJson() => Description.ToJson();

    /// <summary>A value as a JSON string (for logs and tests, not the step path).</summary>
    public string ValueJson(ReadOnlySpan<byte> value) => Description.ValueJson(value);
}

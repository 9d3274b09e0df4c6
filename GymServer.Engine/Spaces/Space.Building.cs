using System.Text.Json;
using GymServer.Protocol.Spaces;

namespace GymServer.Engine.Spaces;

/// <summary>Builds spaces from descriptions: those a Python worker or another node reports.</summary>
public abstract partial class Space
{
    /// <summary>
    /// The space a description describes. Throws <see cref="InvalidSpaceDescriptionException"/> naming where and why
    /// when the JSON is no description, or describes a space Gymnasium would refuse (low above high, n past the dtype).
    /// </summary>
    public static Space Parse(JsonElement description) => From(SpaceDescription.Parse(description));

    /// <inheritdoc cref="Parse(JsonElement)"/>
    public static Space Parse(string description) => From(SpaceDescription.Parse(description));

    /// <summary>The space a description describes; see <see cref="Parse(JsonElement)"/>.</summary>
    public static Space From(SpaceDescription description) => From(description, "$");

    private static Space From(SpaceDescription description, string path)
    {
        try
        {
            return description switch
            {
                DiscreteDescription discrete => new Discrete(discrete.N, discrete.Start, discrete.DType),
                BoxDescription box => new Box(box),
                MultiDiscreteDescription multi => new MultiDiscrete(multi.Nvec.ToArray(), multi.Start.ToArray(), multi.Shape.ToArray(), multi.DType),
                MultiBinaryDescription binary => binary.NIsShape ? new MultiBinary(binary.Shape.ToArray()) : new MultiBinary(binary.Shape[0]),
                TupleDescription tuple => new TupleSpace([.. tuple.Spaces.Select((part, i) => From(part, $"{path}.spaces[{i}]"))]),
                DictDescription dict => DictSpace.Ordered([.. dict.Keys.Select((key, i) => (key, From(dict.Spaces[i], $"{path}.spaces.{key}")))]),
                _ => throw new InvalidSpaceDescriptionException(path, $"no space of type {description.TypeName}"),
            };
        }
        catch (ArgumentException exception)
        {
            // The space's own constructor refused the values (low > high, start outside the dtype, ...).
            throw new InvalidSpaceDescriptionException(path, exception.Message);
        }
    }
}

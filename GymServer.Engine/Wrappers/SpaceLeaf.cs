using GymServer.Engine.Spaces;

namespace GymServer.Engine.Wrappers;

/// <summary>
/// A part of a space that is not Tuple or Dict (a Box, Discrete, MultiDiscrete or MultiBinary), with the byte
/// offset where its value starts inside a value of the whole space.
/// </summary>
internal readonly record struct SpaceLeaf(Space Space, int Offset)
{
    /// <summary>The leaves of <paramref name="space"/> in the order its values lay them out (Dict in key order).</summary>
    public static List<SpaceLeaf> Of(Space space)
    {
        var leaves = new List<SpaceLeaf>();
        Collect(space, 0, leaves);
        return leaves;
    }

    private static void Collect(Space space, int offset, List<SpaceLeaf> leaves)
    {
        switch (space)
        {
            case TupleSpace tuple:
                for (var i = 0; i < tuple.Spaces.Count; i++)
                {
                    Collect(tuple.Spaces[i], offset + tuple.ElementRange(i).Start.Value, leaves);
                }
                break;
            case DictSpace dict:
                foreach (var key in dict.Keys)
                {
                    Collect(dict[key], offset + dict.ElementRange(key).Start.Value, leaves);
                }
                break;
            case Box or Discrete or MultiDiscrete or MultiBinary:
                leaves.Add(new SpaceLeaf(space, offset));
                break;
            default:
                throw new ArgumentException($"no leaf form for a {space.TypeName} space", nameof(space));
        }
    }
}

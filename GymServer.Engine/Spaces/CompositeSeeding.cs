using GymServer.Engine.Random;

namespace GymServer.Engine.Spaces;

/// <summary>What Tuple and Dict share: value offsets and Gymnasium's way of seeding subspaces.</summary>
internal static class CompositeSeeding
{
    // Gymnasium draws subseeds below np.iinfo(np.int32).max.
    private const long SubseedBound = int.MaxValue;

    /// <summary>Offsets of each subspace's bytes in a value, with the total at the end.</summary>
    public static int[] Offsets(Space[] spaces)
    {
        var offsets = new int[spaces.Length + 1];
        for (var i = 0; i < spaces.Length; i++)
        {
            offsets[i + 1] = offsets[i] + spaces[i].ByteSize;
        }
        return offsets;
    }

    /// <summary>
    /// <c>subseeds = np_random.integers(int32 max, size=len(spaces))</c>, then each subspace seeded with its own.
    /// The draws are one size=n call, so they come from numpy's 32-bit path in one go.
    /// </summary>
    public static void SeedEachFrom(NumpyGenerator random, Space[] spaces)
    {
        Span<long> subseeds = spaces.Length <= 64 ? stackalloc long[spaces.Length] : new long[spaces.Length];
        random.Integers(0, SubseedBound, subseeds);
        for (var i = 0; i < spaces.Length; i++)
        {
            spaces[i].Seed(subseeds[i]);
        }
    }

    public static void SeedEachWithEntropy(Space[] spaces)
    {
        foreach (var space in spaces)
        {
            space.Seed(null);
        }
    }
}

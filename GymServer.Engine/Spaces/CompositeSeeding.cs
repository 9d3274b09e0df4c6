using GymServer.Engine.Random;

namespace GymServer.Engine.Spaces;

/// <summary>What Tuple and Dict share: Gymnasium's way of seeding subspaces.</summary>
internal static class CompositeSeeding
{
    // Gymnasium draws subseeds below np.iinfo(np.int32).max.
    private const long SubseedBound = int.MaxValue;

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

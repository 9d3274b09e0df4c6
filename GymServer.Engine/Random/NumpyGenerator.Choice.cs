namespace GymServer.Engine.Random;

/// <summary>numpy's <c>Generator.choice</c> with replacement and without p: <c>integers(0, n)</c>, then an index.</summary>
public sealed partial class NumpyGenerator
{
    /// <summary><c>choice(n)</c>: an int64 in [0, n) (with replacement, no p: numpy draws <c>integers(0, n)</c>).</summary>
    public long Choice(long populationSize)
    {
        CheckPopulation(populationSize);
        return Integers(0, populationSize);
    }

    /// <summary><c>choice(n, size=k)</c> with replacement and no p.</summary>
    public void Choice(long populationSize, Span<long> destination)
    {
        CheckPopulation(populationSize);
        Integers(0, populationSize, destination);
    }

    /// <summary><c>choice(array)</c>: one element, picked as numpy picks it (Discrete's masked sample).</summary>
    public T Choice<T>(ReadOnlySpan<T> population)
    {
        CheckPopulation(population.Length);
        return population[(int)Integers(0, population.Length)];
    }

    private static void CheckPopulation(long populationSize)
    {
        if (populationSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(populationSize), populationSize, "choice: the population must not be empty");
        }
    }
}

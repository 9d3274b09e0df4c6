namespace GymServer.Tests.Infrastructure;

/// <summary>Asserts that code allocates nothing once it runs in steady state.</summary>
public static class AllocationAssert
{
    private const int Attempts = 3;

    /// <summary>
    /// Runs <paramref name="loop"/> up to three times and passes as soon as one run allocates zero bytes on this
    /// thread. The runtime may allocate a few hundred bytes once while it re-compiles a hot method (tiered JIT), so
    /// a single measurement is flaky; an allocation made by the code itself shows up in every run.
    /// </summary>
    public static void SteadyStateAllocatesNothing(Action loop)
    {
        var allocated = new long[Attempts];
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            loop();
            allocated[attempt] = GC.GetAllocatedBytesForCurrentThread() - before;
            if (allocated[attempt] == 0)
            {
                return;
            }
        }
        Assert.Fail($"allocated {string.Join(", ", allocated)} bytes in {Attempts} runs");
    }
}

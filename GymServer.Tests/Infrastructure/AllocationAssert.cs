using GymServer.Protocol.Binary;
using GymServer.Protocol.Framing;
using GymServer.Web.Tcp.States;

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

    /// <summary>
    /// Runs a binary request frame through <paramref name="state"/> again and again into <paramref name="output"/>:
    /// after 20 runs to warm up, 40 runs allocate nothing, and every run completed synchronously with a reply frame of
    /// <paramref name="replyType"/>. <paramref name="output"/> holds the last reply afterwards.
    /// </summary>
    public static void FrameRunsSynchronouslyAllocatingNothing(ConnectionState state, TcpRequest frame, ReplyBuffer output, FrameType replyType)
    {
        var completed = 0;
        var replies = 0;
        void Run()
        {
            // No assertion inside the measured loop: xUnit's Assert.Equal allocates a comparer per call.
            output.Clear();
            completed += state.RunAsync(frame, output).IsCompletedSuccessfully ? 1 : 0;
            replies += output.WrittenSpan[1] == (byte)replyType ? 1 : 0;
        }
        for (var i = 0; i < 20; i++)
        {
            Run();
        }
        SteadyStateAllocatesNothing(() =>
        {
            for (var i = 0; i < 40; i++)
            {
                Run();
            }
        });
        Assert.Equal(completed, replies);
        Assert.True(completed >= 60, $"{completed} runs completed synchronously");
    }
}

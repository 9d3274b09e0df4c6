using GymServer.Engine.Rendering;

namespace GymServer.Tests.Unit.Rendering;

/// <summary>
/// Rendering into the caller's buffer allocates nothing managed once the env's canvas exists (the first frame
/// makes it): the renderers reuse one native bitmap, paint and path, and write text from stack buffers.
/// </summary>
public sealed class FrameAllocationTests
{
    private const int FramesPerRound = 20;
    private const int Rounds = 10;

    public static TheoryData<string> AllIds() => new(FrameKit.Registry.Ids);

    [Theory]
    [MemberData(nameof(AllIds))]
    public void Rendering_a_frame_allocates_nothing(string id)
    {
        using var env = FrameKit.Make(id);
        FrameKit.Reset(env, 0);
        var renderable = (IRenderable)env;
        var frame = new byte[renderable.FrameShape.ByteSize];
        renderable.Render(frame);

        // The runtime may allocate once on this thread while it recompiles the hot methods (tiered JIT, seen as a
        // few KB in one round when other tests run in parallel); the steady state is what counts, so a round of
        // frames with no allocation at all must come within a few rounds.
        var perRound = new List<long>();
        for (var round = 0; round < Rounds; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < FramesPerRound; i++)
            {
                renderable.Render(frame);
            }
            perRound.Add(GC.GetAllocatedBytesForCurrentThread() - before);
            if (perRound[^1] == 0)
            {
                return;
            }
        }
        Assert.Fail($"every round of {FramesPerRound} frames allocated: {string.Join(", ", perRound)} bytes");
    }
}

using GymServer.Engine.Environments;
using GymServer.Engine.Rendering;
using GymServer.Tests.Infrastructure;
using Xunit.Abstractions;

namespace GymServer.Tests.Conformance;

/// <summary>
/// Native classic-control frames against Gymnasium's own renderings (frames/*.png): replay the recorded actions
/// from the seed, render, and compare with the PNG. pygame and Skia antialias edges differently, so the test
/// allows small differences, all three of which must hold: mean absolute difference per channel below 0.25 (of
/// 255), at least 99.75 % of pixels within 32 levels on every channel, and an intersection over union of the drawn
/// (non-background) pixels of at least 95 %. Measured on the reference set: mean 0.016 to 0.119, 99.86 % to
/// 99.98 % within 32, overlap 97.9 % to 100 %. Set GYM_FRAME_DUMP to a folder to get the rendered frames as PNGs.
/// </summary>
public sealed class FrameConformanceTests(ITestOutputHelper output)
{
    /// <summary>Mean absolute difference over all bytes of the frame (0 to 255 per channel).</summary>
    public const double MaxMeanAbsoluteDifference = 0.25;

    /// <summary>The share of pixels whose largest channel difference is at most <see cref="PixelThreshold"/>.</summary>
    public const double MinShareWithin = 0.9975;

    /// <summary>A channel difference up to this is an antialiasing difference, not a different pixel.</summary>
    public const int PixelThreshold = 32;

    /// <summary>Intersection over union of the pixels drawn (not background) in both frames.</summary>
    public const double MinForegroundOverlap = 0.95;

    private static readonly EnvRegistry Registry = NativeEnvironments.CreateRegistry();

    public static TheoryData<string> Frames() => new(ReferenceFrame.LoadAll().Select(frame => frame.Name));

    [Theory]
    [MemberData(nameof(Frames))]
    public void Frame_looks_like_gymnasium_rendering(string name)
    {
        var reference = ReferenceFrame.Find(name);
        var expected = reference.LoadImage();
        Assert.Equal(reference.Shape, expected.Shape);

        var (env, observation) = reference.Replay(Registry);
        using var disposeEnv = env;
        var renderable = Assert.IsAssignableFrom<IRenderable>(env);
        Assert.Equal(reference.Shape, renderable.FrameShape);
        JsonAssert.Equal(reference.Observation.GetRawText(), env.ObservationSpace.ValueJson(observation));

        var actual = new RgbImage(renderable.FrameShape, new byte[renderable.FrameShape.ByteSize]);
        renderable.Render(actual.Pixels);
        var difference = FrameDifference.Measure(actual, expected, PixelThreshold);
        output.WriteLine($"{name}: {difference}");
        if (Environment.GetEnvironmentVariable("GYM_FRAME_DUMP") is { Length: > 0 } folder)
        {
            actual.SavePng(Path.Combine(folder, $"{name}.png"));
        }

        Assert.True(difference.MeanAbsolute < MaxMeanAbsoluteDifference, $"{name}: {difference}");
        Assert.True(difference.ShareWithin >= MinShareWithin, $"{name}: {difference}");
        Assert.True(difference.ForegroundOverlap >= MinForegroundOverlap, $"{name}: {difference}");
    }
}

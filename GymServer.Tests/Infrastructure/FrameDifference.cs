namespace GymServer.Tests.Infrastructure;

/// <summary>
/// How far a rendered frame is from a reference of the same size. <see cref="MeanAbsolute"/>: the mean absolute
/// difference over every byte (per channel, 0 to 255). <see cref="ShareWithin"/>: the share of pixels whose largest
/// channel difference is at most <see cref="Threshold"/>. <see cref="ForegroundOverlap"/>: intersection over union
/// of the two frames' drawn pixels (those further than the threshold from the reference's background colour), which
/// a shape drawn a few pixels off lowers even when most of a frame is empty background.
/// </summary>
public sealed record FrameDifference(double MeanAbsolute, double ShareWithin, double ForegroundOverlap, int Threshold, int Largest)
{
    public static FrameDifference Measure(RgbImage actual, RgbImage expected, int threshold)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        var background = MostCommonColour(expected);
        long total = 0;
        long within = 0;
        long both = 0;
        long either = 0;
        var largest = 0;
        for (var i = 0; i < actual.Pixels.Length; i += 3)
        {
            var worst = Distance(actual.Pixels, i, expected.Pixels, i);
            for (var channel = 0; channel < 3; channel++)
            {
                total += Math.Abs(actual.Pixels[i + channel] - expected.Pixels[i + channel]);
            }
            largest = Math.Max(largest, worst);
            within += worst <= threshold ? 1 : 0;
            var drawnActual = Distance(actual.Pixels, i, background, 0) > threshold;
            var drawnExpected = Distance(expected.Pixels, i, background, 0) > threshold;
            both += drawnActual && drawnExpected ? 1 : 0;
            either += drawnActual || drawnExpected ? 1 : 0;
        }
        var pixels = actual.Pixels.Length / 3;
        var overlap = either == 0 ? 1.0 : (double)both / either;
        return new FrameDifference((double)total / actual.Pixels.Length, (double)within / pixels, overlap, threshold, largest);
    }

    public override string ToString() =>
        $"mean |diff| {MeanAbsolute:F4}, {ShareWithin:P3} of pixels within {Threshold}, " +
        $"drawn-pixel overlap (IoU) {ForegroundOverlap:P2}, largest {Largest}";

    private static int Distance(byte[] a, int i, byte[] b, int j) =>
        Math.Max(Math.Abs(a[i] - b[j]), Math.Max(Math.Abs(a[i + 1] - b[j + 1]), Math.Abs(a[i + 2] - b[j + 2])));

    private static byte[] MostCommonColour(RgbImage image)
    {
        var counts = new Dictionary<int, int>();
        for (var i = 0; i < image.Pixels.Length; i += 3)
        {
            var key = (image.Pixels[i] << 16) | (image.Pixels[i + 1] << 8) | image.Pixels[i + 2];
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        var colour = counts.MaxBy(pair => pair.Value).Key;
        return [(byte)(colour >> 16), (byte)(colour >> 8), (byte)colour];
    }
}

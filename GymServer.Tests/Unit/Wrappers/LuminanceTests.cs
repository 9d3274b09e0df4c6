using GymServer.Engine.Wrappers;

namespace GymServer.Tests.Unit.Wrappers;

/// <summary>
/// GrayscaleObservation's vectorised luminance equals the scalar definition for every pixel value there is, at every
/// position of a vector block and in the scalar tail (the conformance recordings check the definition against
/// Gymnasium on random frames).
/// </summary>
public sealed class LuminanceTests
{
    [Theory]
    // Values numpy 1.24 gives (np.sum(np.multiply(pixel, [0.2125, 0.7154, 0.0721]), axis=-1).astype(np.uint8)): an
    // exact sum of 43 in decimals lands just below 43 in float64, and truncates to 42.
    [InlineData(43, 43, 43, 42)]
    [InlineData(86, 86, 86, 85)]
    [InlineData(4, 131, 6, 94)]
    [InlineData(12, 200, 77, 151)]
    [InlineData(0, 0, 0, 0)]
    [InlineData(255, 255, 255, 255)]
    public void Definition_gives_numpys_values(byte r, byte g, byte b, byte gray) => Assert.Equal(gray, Luminance.Of(r, g, b));

    [Fact]
    public void Every_rgb_value_converts_as_the_definition_says()
    {
        // All 2^24 pixels in one image, in a shuffled order (x ^ (x >> 4) is a bijection) so that neighbours differ.
        const int count = 1 << 24;
        var rgb = new byte[3 * count];
        for (var i = 0; i < count; i++)
        {
            var value = i ^ (i >> 4);
            (rgb[3 * i], rgb[(3 * i) + 1], rgb[(3 * i) + 2]) = ((byte)(value >> 16), (byte)(value >> 8), (byte)value);
        }
        var gray = new byte[count];
        Luminance.Convert(rgb, gray);
        for (var i = 0; i < count; i++)
        {
            if (gray[i] != Luminance.Of(rgb[3 * i], rgb[(3 * i) + 1], rgb[(3 * i) + 2]))
            {
                Assert.Fail($"pixel ({rgb[3 * i]}, {rgb[(3 * i) + 1]}, {rgb[(3 * i) + 2]}) converts to {gray[i]}, the definition gives {Luminance.Of(rgb[3 * i], rgb[(3 * i) + 1], rgb[(3 * i) + 2])}");
            }
        }
    }

    [Fact]
    public void Every_length_and_offset_converts_every_pixel_and_nothing_more()
    {
        var random = new System.Random(16);
        var bytes = new byte[3 * 100 + 2];
        random.NextBytes(bytes);
        for (var offset = 0; offset < 3; offset++)
        {
            // Lengths that are not whole pixels too: the last one or two bytes are not a pixel.
            for (var length = 0; length + offset <= bytes.Length; length++)
            {
                var rgb = bytes.AsSpan(offset, length);
                var pixels = length / 3;
                var gray = new byte[pixels + 5];
                Array.Fill(gray, (byte)0xEE);
                Luminance.Convert(rgb, gray);
                for (var i = 0; i < pixels; i++)
                {
                    Assert.True(Luminance.Of(rgb[3 * i], rgb[(3 * i) + 1], rgb[(3 * i) + 2]) == gray[i], $"offset {offset}, length {length}, pixel {i}");
                }
                Assert.All(gray[pixels..], untouched => Assert.Equal(0xEE, untouched));
            }
        }
    }

    [Fact]
    public void Runs_of_one_colour_give_each_pixel_its_own_gray()
    {
        // Runs of 1 to 40 pixels of one colour (a repeated block converts once), white and black first among them,
        // so that a block differs from the one before in any one pixel or in the 4 bytes read beyond it.
        var random = new System.Random(16);
        var rgb = new List<byte>();
        foreach (var first in new byte[][] { [255, 255, 255], [0, 0, 0] })
        {
            for (var run = 0; run < 2000; run++)
            {
                var colour = run == 0 ? first : [(byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)];
                var length = run == 0 ? 50 : random.Next(1, 41);
                for (var i = 0; i < length; i++)
                {
                    rgb.AddRange(colour);
                }
            }
            var image = rgb.ToArray();
            var gray = new byte[image.Length / 3];
            var expected = new byte[gray.Length];
            Luminance.Convert(image, gray);
            Luminance.ConvertScalar(image, expected);
            Assert.Equal(expected, gray);
            rgb.Clear();
        }
    }

    [Fact]
    public void A_gray_buffer_shorter_than_the_pixels_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Luminance.Convert(new byte[30], new byte[9]));
    }
}

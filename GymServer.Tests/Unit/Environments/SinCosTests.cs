namespace GymServer.Tests.Unit.Environments;

/// <summary>
/// The classic-control envs compute numpy's np.sin and np.cos of one angle with Math.SinCos (the C library's
/// sincos, one call). That is only right if it gives exactly Math.Sin's and Math.Cos's bits (the C library's sin
/// and cos, which numpy used); this holds the platform to it, across magnitudes and next to glibc's branch points.
/// </summary>
public sealed class SinCosTests
{
    [Theory]
    [InlineData(1e-9)]
    [InlineData(1e-7)]
    [InlineData(0.3)]
    [InlineData(3.0)]
    [InlineData(100.0)]
    [InlineData(1e9)]
    [InlineData(1e300)]
    public void SinCos_is_bit_identical_to_Sin_and_Cos(double scale)
    {
        var random = new System.Random(17);
        for (var i = 0; i < 200_000; i++)
        {
            AssertSame(((random.NextDouble() * 2) - 1) * scale);
        }
    }

    [Theory]
    [InlineData(7.450580596923828e-09)] // 2^-27
    [InlineData(1.4901161193847656e-08)] // 2^-26
    [InlineData(0.855469)]
    [InlineData(2.426265)]
    [InlineData(105414350.0)]
    public void SinCos_is_bit_identical_next_to_branch_points(double edge)
    {
        var up = edge;
        var down = edge;
        for (var i = 0; i < 20_000; i++)
        {
            AssertSame(up);
            AssertSame(-down);
            up = Math.BitIncrement(up);
            down = Math.BitDecrement(down);
        }
    }

    private static void AssertSame(double x)
    {
        var (sin, cos) = Math.SinCos(x);
        Assert.True(
            BitConverter.DoubleToInt64Bits(sin) == BitConverter.DoubleToInt64Bits(Math.Sin(x))
            && BitConverter.DoubleToInt64Bits(cos) == BitConverter.DoubleToInt64Bits(Math.Cos(x)),
            $"Math.SinCos({x:R}) = ({sin:R}, {cos:R}), Math.Sin/Cos = ({Math.Sin(x):R}, {Math.Cos(x):R})");
    }
}

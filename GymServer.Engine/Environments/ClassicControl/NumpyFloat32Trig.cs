namespace GymServer.Engine.Environments.ClassicControl;

/// <summary>
/// numpy 1.24's float32 <c>np.sin</c>/<c>np.cos</c> as its AVX2/FMA3 loop computes them (not the C library's
/// sinf/cosf): round x * 2/pi to the quadrant, Cody-Waite reduction with three fused steps, then a fused-Horner
/// polynomial for sine or cosine on [-pi/4, pi/4]. Beyond the reduction's accurate range numpy calls the C
/// library, and so does this. Constants are numpy's (range reduction split of pi/2 and minimax coefficients).
/// </summary>
internal static class NumpyFloat32Trig
{
    private static readonly float TwoOverPi = Bits(0x3f22f983); // 0x1.45f306p-1
    private static readonly float PiOver2High = Bits(0xbfc90fd8); // -0x1.921fb0p+00
    private static readonly float PiOver2Medium = Bits(0xb4a8885a); // -0x1.5110b4p-22
    private static readonly float PiOver2Low = Bits(0xa7c234c4); // -0x1.846988p-48

    /// <summary>Adding then subtracting 1.5 * 2^23 rounds a float to the nearest integer (ties to even).</summary>
    private static readonly float RoundingMagic = Bits(0x4b400000); // 0x1.800000p+23

    private const float MaxReducibleSine = 117435.992f;
    private const float MaxReducibleCosine = 71476.0625f;

    private static readonly float Cosine8 = Bits(0x37cc730b); // 0x1.98e616p-16
    private static readonly float Cosine6 = Bits(0xbab6036e); // -0x1.6c06dcp-10
    private static readonly float Cosine4 = Bits(0x3d2aaa9e); // 0x1.55553cp-05
    private static readonly float Cosine2 = Bits(0xbf000000); // -0x1.000000p-01
    private static readonly float Cosine0 = Bits(0x3f800000); // 0x1.000000p+00

    private static readonly float Sine9 = Bits(0x363e9dde); // 0x1.7d3bbcp-19
    private static readonly float Sine7 = Bits(0xb95035dd); // -0x1.a06bbap-13
    private static readonly float Sine5 = Bits(0x3c0888cd); // 0x1.11119ap-07
    private static readonly float Sine3 = Bits(0xbe2aaaab); // -0x1.555556p-03

    public static float Sin(float x) =>
        float.IsNaN(x) ? float.NaN
        : Math.Abs(x) <= MaxReducibleSine ? Reduced(x, quadrantOffset: 0)
        : MathF.Sin(x);

    public static float Cos(float x) =>
        float.IsNaN(x) ? float.NaN
        : Math.Abs(x) <= MaxReducibleCosine ? Reduced(x, quadrantOffset: 1)
        : MathF.Cos(x);

    /// <summary>cos(x) is sin(x + pi/2): the cosine enters with its quadrant advanced by one.</summary>
    private static float Reduced(float x, int quadrantOffset)
    {
        var quadrant = (x * TwoOverPi) + RoundingMagic;
        quadrant -= RoundingMagic;

        var reduced = MathF.FusedMultiplyAdd(quadrant, PiOver2High, x);
        reduced = MathF.FusedMultiplyAdd(quadrant, PiOver2Medium, reduced);
        reduced = MathF.FusedMultiplyAdd(quadrant, PiOver2Low, reduced);
        var squared = reduced * reduced;

        var k = (int)quadrant + quadrantOffset;
        var value = (k & 1) == 0 ? SinePolynomial(reduced, squared) : CosinePolynomial(squared);
        // numpy negates by subtracting from +0, so a zero result stays +0.
        return (k & 2) == 2 ? 0f - value : value;
    }

    private static float CosinePolynomial(float x2)
    {
        var r = MathF.FusedMultiplyAdd(Cosine8, x2, Cosine6);
        r = MathF.FusedMultiplyAdd(r, x2, Cosine4);
        r = MathF.FusedMultiplyAdd(r, x2, Cosine2);
        return MathF.FusedMultiplyAdd(r, x2, Cosine0);
    }

    private static float SinePolynomial(float x, float x2)
    {
        var r = MathF.FusedMultiplyAdd(Sine9, x2, Sine7);
        r = MathF.FusedMultiplyAdd(r, x2, Sine5);
        r = MathF.FusedMultiplyAdd(r, x2, Sine3);
        r = MathF.FusedMultiplyAdd(r, x2, 0f);
        return MathF.FusedMultiplyAdd(r, x, x);
    }

    /// <summary>C# has no hexadecimal float literals: numpy's constants are given by their bits.</summary>
    private static float Bits(uint bits) => BitConverter.UInt32BitsToSingle(bits);
}

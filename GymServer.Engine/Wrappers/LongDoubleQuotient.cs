using System.Numerics;

namespace GymServer.Engine.Wrappers;

/// <summary>
/// RescaleAction's gradient as Gymnasium computes it on x86-64 Linux: <c>(new_max - new_min) / (high - low)</c> with
/// the bound difference in numpy's float128 (the x87 80-bit long double: a 64-bit significand), the quotient rounded
/// to that precision and then to the Box's dtype. Computed exactly with integers, once per wrapper, so the result
/// does not depend on the platform this server runs on.
/// </summary>
internal static class LongDoubleQuotient
{
    private const int LongDoubleBits = 64;

    /// <summary>
    /// <c>dividend / ((long double)high - (long double)low)</c> rounded to long double, then to float32 (or float64
    /// when <paramref name="toFloat32"/> is false). The operands are finite and <paramref name="high"/> &gt;
    /// <paramref name="low"/>.
    /// </summary>
    public static double Divide(double dividend, double high, double low, bool toFloat32)
    {
        var difference = Round(Rational.Of(high) - Rational.Of(low), LongDoubleBits, int.MinValue).ToRational();
        var quotient = Round(Rational.Of(dividend) / difference, LongDoubleBits, int.MinValue).ToRational();
        var result = toFloat32 ? Round(quotient, 24, -149) : Round(quotient, 53, -1074);
        return Math.ScaleB((double)result.Significand, result.Exponent);
    }

    /// <summary>
    /// The nearest significand * 2^exponent to <paramref name="value"/> with a significand of at most
    /// <paramref name="bits"/> bits and an exponent no lower than <paramref name="minimumExponent"/> (the target
    /// format's subnormals), ties to even.
    /// </summary>
    private static (BigInteger Significand, int Exponent) Round(Rational value, int bits, int minimumExponent)
    {
        if (value.Numerator.IsZero)
        {
            return (BigInteger.Zero, 0);
        }
        var magnitude = BigInteger.Abs(value.Numerator);
        // The exponent e with 2^(bits-1) <= |value| / 2^e < 2^bits: estimated from the bit lengths, then corrected.
        var exponent = (int)(magnitude.GetBitLength() - value.Denominator.GetBitLength()) - bits + 1;
        if (Floor(magnitude, value.Denominator, exponent) < BigInteger.One << (bits - 1))
        {
            exponent--;
        }
        exponent = Math.Max(exponent, minimumExponent);
        var (numerator, denominator) = exponent >= 0
            ? (magnitude, value.Denominator << exponent)
            : (magnitude << -exponent, value.Denominator);
        var significand = BigInteger.DivRem(numerator, denominator, out var remainder);
        var tie = (remainder << 1).CompareTo(denominator);
        if (tie > 0 || (tie == 0 && !significand.IsEven))
        {
            significand++;
        }
        // Rounding up to 2^bits stays exact: 2^bits * 2^e is 2^(bits-1) * 2^(e+1).
        return (value.Numerator.Sign < 0 ? -significand : significand, exponent);
    }

    private static BigInteger Floor(BigInteger magnitude, BigInteger denominator, int exponent) =>
        exponent >= 0 ? magnitude / (denominator << exponent) : (magnitude << -exponent) / denominator;

    /// <summary>An exact fraction; the denominator is positive.</summary>
    private readonly record struct Rational(BigInteger Numerator, BigInteger Denominator)
    {
        /// <summary>The exact value of a finite double.</summary>
        public static Rational Of(double value)
        {
            if (!double.IsFinite(value))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "not a finite number");
            }
            var bits = BitConverter.DoubleToInt64Bits(value);
            var exponentBits = (int)((bits >> 52) & 0x7FF);
            var fraction = bits & 0xF_FFFF_FFFF_FFFFL;
            var significand = exponentBits == 0 ? fraction : fraction | (1L << 52);
            var exponent = (exponentBits == 0 ? 1 : exponentBits) - 1075;
            return FromBinary(new BigInteger(value < 0 ? -significand : significand), exponent);
        }

        public static Rational FromBinary(BigInteger significand, int exponent) =>
            exponent >= 0 ? new(significand << exponent, BigInteger.One) : new(significand, BigInteger.One << -exponent);

        public static Rational operator -(Rational a, Rational b) =>
            new((a.Numerator * b.Denominator) - (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

        public static Rational operator /(Rational a, Rational b)
        {
            var numerator = a.Numerator * b.Denominator;
            var denominator = a.Denominator * b.Numerator;
            return denominator.Sign < 0 ? new(-numerator, -denominator) : new(numerator, denominator);
        }
    }

    private static Rational ToRational(this (BigInteger Significand, int Exponent) value) =>
        Rational.FromBinary(value.Significand, value.Exponent);
}

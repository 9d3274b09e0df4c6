namespace GymServer.Engine.Random;

/// <summary>
/// numpy's 256-layer ziggurat samplers (<c>random_standard_normal</c>, <c>random_standard_exponential</c>) and
/// the distributions Gymnasium builds on them. The fast path uses one 64-bit word; the rare slow paths draw
/// more doubles and call the C library's <c>exp</c> and <c>log1p</c>, as numpy does.
/// </summary>
public sealed partial class NumpyGenerator
{
    /// <summary><c>standard_normal()</c>.</summary>
    public double StandardNormal()
    {
        var ki = ZigguratTables.NormalKi;
        var wi = ZigguratTables.NormalWi;
        while (true)
        {
            // One word: 8 bits pick the layer, 1 bit the sign, 52 bits the magnitude.
            var word = BitGenerator.NextUInt64();
            var layer = (int)(word & 0xFF);
            word >>= 8;
            var negative = (word & 1) != 0;
            var magnitude = (word >> 1) & 0x000F_FFFF_FFFF_FFFF;
            var x = magnitude * wi[layer];
            if (negative)
            {
                x = -x;
            }
            if (magnitude < ki[layer])
            {
                return x;
            }
            if (layer == 0)
            {
                return NormalTail(negative: ((magnitude >> 8) & 1) != 0);
            }
            if (NormalWedgeAccepts(layer, x))
            {
                return x;
            }
        }
    }

    /// <summary><c>standard_normal(size=n)</c>.</summary>
    public void StandardNormal(Span<double> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = StandardNormal();
        }
    }

    /// <summary><c>normal(loc, scale)</c>: <c>loc + scale * standard_normal()</c>. numpy refuses a negative scale.</summary>
    public double Normal(double loc = 0.0, double scale = 1.0)
    {
        CheckNonNegative(scale, nameof(scale));
        return loc + (scale * StandardNormal());
    }

    /// <summary><c>normal(loc, scale, size=n)</c>.</summary>
    public void Normal(double loc, double scale, Span<double> destination)
    {
        CheckNonNegative(scale, nameof(scale));
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = loc + (scale * StandardNormal());
        }
    }

    /// <summary><c>standard_exponential()</c> (numpy's default, ziggurat method).</summary>
    public double StandardExponential()
    {
        var ke = ZigguratTables.ExponentialKe;
        var we = ZigguratTables.ExponentialWe;
        while (true)
        {
            // The low 3 bits are dropped; then 8 bits pick the layer and 53 bits the magnitude.
            var word = BitGenerator.NextUInt64() >> 3;
            var layer = (int)(word & 0xFF);
            word >>= 8;
            var x = word * we[layer];
            if (word < ke[layer])
            {
                return x;
            }
            if (layer == 0)
            {
                // Beyond the last layer: the tail is again exponential. 1 - U keeps log1p away from log(0).
                return ZigguratTables.ExponentialTailStart - CMath.Log1P(-BitGenerator.NextDouble());
            }
            var fe = ZigguratTables.ExponentialFe;
            if ((((fe[layer - 1] - fe[layer]) * BitGenerator.NextDouble()) + fe[layer]) < Math.Exp(-x))
            {
                return x;
            }
            // Rejected: numpy starts over with a fresh word.
        }
    }

    /// <summary><c>standard_exponential(size=n)</c>.</summary>
    public void StandardExponential(Span<double> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = StandardExponential();
        }
    }

    /// <summary><c>exponential(scale)</c>: <c>scale * standard_exponential()</c>. numpy refuses a negative scale.</summary>
    public double Exponential(double scale = 1.0)
    {
        CheckNonNegative(scale, nameof(scale));
        return scale * StandardExponential();
    }

    /// <summary><c>exponential(scale, size=n)</c>.</summary>
    public void Exponential(double scale, Span<double> destination)
    {
        CheckNonNegative(scale, nameof(scale));
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = scale * StandardExponential();
        }
    }

    // Marsaglia's tail method beyond r, with log1p(-U) so that U = 0 cannot give log(0).
    private double NormalTail(bool negative)
    {
        while (true)
        {
            var xx = -ZigguratTables.NormalTailStartInverse * CMath.Log1P(-BitGenerator.NextDouble());
            var yy = -CMath.Log1P(-BitGenerator.NextDouble());
            if (yy + yy > xx * xx)
            {
                return negative ? -(ZigguratTables.NormalTailStart + xx) : ZigguratTables.NormalTailStart + xx;
            }
        }
    }

    private bool NormalWedgeAccepts(int layer, double x)
    {
        var fi = ZigguratTables.NormalFi;
        return (((fi[layer - 1] - fi[layer]) * BitGenerator.NextDouble()) + fi[layer]) < Math.Exp(-0.5 * x * x);
    }

    // numpy's CONS_NON_NEGATIVE: NaN passes, anything with the sign bit set (-0.0 included) fails.
    private static void CheckNonNegative(double value, string name)
    {
        if (!double.IsNaN(value) && double.IsNegative(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be non-negative");
        }
    }
}

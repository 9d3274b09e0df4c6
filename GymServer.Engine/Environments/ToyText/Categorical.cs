namespace GymServer.Engine.Environments.ToyText;

/// <summary>
/// Gymnasium's toy-text <c>categorical_sample</c>: <c>argmax(cumsum(p) &gt; np_random.random())</c>. numpy's cumsum adds
/// in order, one float64 at a time, so the sums are computed here the same way; argmax of an all-false array is 0.
/// </summary>
internal static class Categorical
{
    /// <summary>numpy's <c>cumsum</c> of a float64 vector: sequential additions, left to right.</summary>
    public static double[] CumulativeSum(ReadOnlySpan<double> probabilities)
    {
        var sums = new double[probabilities.Length];
        var running = 0.0;
        for (var i = 0; i < probabilities.Length; i++)
        {
            running += probabilities[i];
            sums[i] = running;
        }
        return sums;
    }

    /// <summary>The first index whose cumulative sum exceeds <paramref name="draw"/>, or 0 when none does.</summary>
    public static int FirstAbove(ReadOnlySpan<double> cumulative, double draw)
    {
        for (var i = 0; i < cumulative.Length; i++)
        {
            if (cumulative[i] > draw)
            {
                return i;
            }
        }
        return 0;
    }
}

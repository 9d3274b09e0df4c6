namespace GymServer.Engine.Wrappers;

/// <summary>
/// Gymnasium's <c>RunningMeanStd</c> in float64, updated with one sample at a time as both normalize wrappers
/// update it: <c>update(np.array([x]))</c>, a batch of one whose variance is 0 (or NaN for a non-finite x). The
/// count is a Python float starting at 1e-4. Each operation is the one numpy performs, in its order and precision.
/// </summary>
internal sealed class RunningMeanStd
{
    private const double InitialCount = 1e-4;

    private readonly double[] _mean;
    private readonly double[] _var;
    private readonly FirstUpdate _first;
    private double _count = InitialCount;
    private bool _updated;

    /// <param name="size">The number of elements.</param>
    /// <param name="first">How numpy's float32 start shows through the first update (see <see cref="FirstUpdate"/>).</param>
    public RunningMeanStd(int size, FirstUpdate first = FirstUpdate.Float64)
    {
        _mean = new double[size];
        _var = new double[size];
        Array.Fill(_var, 1.0);
        _first = first;
    }

    /// <summary>
    /// Where NormalizeObservation's statistics, made as float32 zeros and ones, still leave a float32 trace in the
    /// first update with float64 samples (after it, every value is float64).
    /// </summary>
    public enum FirstUpdate
    {
        /// <summary>Float64 from the start (NormalizeReward's statistics).</summary>
        Float64,

        /// <summary>An array of one or more dimensions: <c>var * count</c> is a float32 product.</summary>
        Float32Variance,

        /// <summary>
        /// A float32 0-d sample: numpy treats 0-d arrays as scalars, so <c>var * count</c> is float64 but
        /// <c>np.square(delta)</c> squares the float32 delta in float32.
        /// </summary>
        Float32Square,
    }

    public ReadOnlySpan<double> Mean => _mean;

    public ReadOnlySpan<double> Var => _var;

    /// <summary><c>update(np.array([sample]))</c>.</summary>
    public void Update(ReadOnlySpan<double> sample)
    {
        var count = _count;
        var total = count + 1;
        var first = _updated ? FirstUpdate.Float64 : _first;
        for (var i = 0; i < _mean.Length; i++)
        {
            var x = sample[i];
            // np.mean and np.var of a batch of one: x / 1 and ((x - x) * (x - x)) / 1.
            var batchVar = (x - x) * (x - x);
            var delta = x - _mean[i];
            _mean[i] += delta * 1 / total;
            var weightedVar = first == FirstUpdate.Float32Variance ? (double)((float)_var[i] * (float)count) : _var[i] * count;
            var square = first == FirstUpdate.Float32Square ? (double)((float)delta * (float)delta) : delta * delta;
            var m2 = weightedVar + (batchVar * 1) + (square * count * 1 / total);
            _var[i] = m2 / total;
        }
        _count = total;
        _updated = true;
    }
}

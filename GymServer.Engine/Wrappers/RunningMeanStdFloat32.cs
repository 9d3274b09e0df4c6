namespace GymServer.Engine.Wrappers;

/// <summary>
/// Gymnasium's <c>RunningMeanStd(dtype=float32)</c> fed float32 arrays (NormalizeObservation on a float32 Box of
/// one or more dimensions): numpy keeps every value float32, converting the Python-float count to float32 where it
/// meets an array, while the count itself stays a Python float.
/// </summary>
internal sealed class RunningMeanStdFloat32
{
    private readonly float[] _mean;
    private readonly float[] _var;
    private double _count = 1e-4;

    public RunningMeanStdFloat32(int size)
    {
        _mean = new float[size];
        _var = new float[size];
        Array.Fill(_var, 1f);
    }

    public ReadOnlySpan<float> Mean => _mean;

    public ReadOnlySpan<float> Var => _var;

    /// <summary><c>update(np.array([sample]))</c>.</summary>
    public void Update(ReadOnlySpan<float> sample)
    {
        var count = (float)_count;
        var total = _count + 1;
        var total32 = (float)total;
        for (var i = 0; i < _mean.Length; i++)
        {
            var x = sample[i];
            var batchVar = (x - x) * (x - x);
            var delta = x - _mean[i];
            _mean[i] += delta * 1 / total32;
            var m2 = (_var[i] * count) + (batchVar * 1) + (delta * delta * count * 1 / total32);
            _var[i] = m2 / total32;
        }
        _count = total;
    }
}

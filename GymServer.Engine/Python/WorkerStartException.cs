namespace GymServer.Engine.Python;

/// <summary>
/// A worker that did not get as far as its hello. <see cref="Fatal"/> failures (no interpreter, no gymnasium, a
/// configured import that fails) would fail again the same way, so the pool stops trying and reports them.
/// </summary>
public sealed class WorkerStartException(string message, bool fatal) : Exception(message)
{
    public bool Fatal { get; } = fatal;
}

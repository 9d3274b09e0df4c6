namespace GymServer.Tests.Infrastructure;

/// <summary>A clock whose timestamps move only when told to: for what counts time (step budgets, stalled replies).</summary>
public sealed class ManualClock : TimeProvider
{
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}

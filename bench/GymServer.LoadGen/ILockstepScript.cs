namespace GymServer.LoadGen;

/// <summary>What one connection does in a lockstep run: its setup, then one measured round trip at a time.</summary>
public interface ILockstepScript
{
    void SetUp(LineConnection connection);

    /// <summary>One measured round trip (plus any uncounted ones, such as an episode reset); returns its latency in ticks.</summary>
    long RoundTrip(LineConnection connection, long index);

    /// <summary>Error replies seen.</summary>
    long Errors { get; }
}

using System.Diagnostics;

namespace GymServer.LoadGen;

/// <summary>Steps a real env: alternating actions, a reset (not counted) when an episode ends.</summary>
public sealed class GymScript(string envId) : ILockstepScript
{
    public long Errors { get; private set; }

    public void SetUp(LineConnection connection)
    {
        Check(connection.RoundTrip(Requests.Make(envId)));
        Check(connection.RoundTrip(Requests.Reset));
    }

    public long RoundTrip(LineConnection connection, long index)
    {
        var started = Stopwatch.GetTimestamp();
        var reply = connection.RoundTrip(Requests.Steps[index & 1]);
        var ticks = Stopwatch.GetTimestamp() - started;
        Check(reply);
        if (reply.Span.IndexOf("\"done\":true"u8) >= 0)
        {
            Check(connection.RoundTrip(Requests.Reset));
        }
        return ticks;
    }

    private void Check(ReadOnlyMemory<byte> reply)
    {
        if (reply.Span.StartsWith("{\"error\""u8))
        {
            Errors++;
        }
    }
}

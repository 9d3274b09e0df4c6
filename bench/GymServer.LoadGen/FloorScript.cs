using System.Diagnostics;

namespace GymServer.LoadGen;

/// <summary>The floor: the same request bytes to the ping-pong server, which answers with a reply of the same size.</summary>
public sealed class FloorScript : ILockstepScript
{
    public long Errors => 0;

    public void SetUp(LineConnection connection)
    {
    }

    public long RoundTrip(LineConnection connection, long index)
    {
        var started = Stopwatch.GetTimestamp();
        connection.RoundTrip(Requests.Steps[index & 1]);
        return Stopwatch.GetTimestamp() - started;
    }
}

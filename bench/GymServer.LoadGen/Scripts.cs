using System.Diagnostics;
using System.Text;

namespace GymServer.LoadGen;

/// <summary>The request lines, exactly as the C++ client writes a step.</summary>
public static class Requests
{
    public static readonly byte[][] Steps =
    [
        Encoding.ASCII.GetBytes("{\"step\":{\"action\":0, \"render\":0}}\r\n"),
        Encoding.ASCII.GetBytes("{\"step\":{\"action\":1, \"render\":0}}\r\n"),
    ];

    public static readonly byte[] Reset = Encoding.ASCII.GetBytes("{\"env\":{\"action\": \"reset\"}}\r\n");

    public static readonly byte[] ActionSpace = Encoding.ASCII.GetBytes("{\"env\":{\"action\": \"actionspace\"}}\r\n");

    public static byte[] Make(string envId) => Encoding.ASCII.GetBytes($"{{\"env\":{{\"name\": \"{envId}\"}}}}\r\n");
}

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

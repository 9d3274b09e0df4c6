namespace GymServer.LoadGen;

/// <summary>
/// Many idle connections (each with an env) held open while a few active ones step: the active ones must keep their
/// pace, and every idle one must still answer at the end.
/// </summary>
public static class IdleRun
{
    public static void Run(LoadGenOptions options, RunResult? floor)
    {
        var idle = new List<LineConnection>(options.IdleConnections);
        var setupErrors = 0;
        try
        {
            for (var i = 0; i < options.IdleConnections; i++)
            {
                var connection = LineConnection.Connect(options.Host, options.Port);
                idle.Add(connection);
                var reply = connection.RoundTrip(Requests.Make(options.EnvId));
                setupErrors += reply.Span.StartsWith("{\"error\""u8) ? 1 : 0;
            }

            var active = LockstepRun.Run(
                options.Host, options.Port, options.ActiveWithIdle, options.Warmup, options.Duration, () => new GymScript(options.EnvId));

            var stillServed = 0;
            foreach (var connection in idle)
            {
                var reply = connection.RoundTrip(Requests.ActionSpace);
                stillServed += reply.Span.StartsWith("{\"info\""u8) ? 1 : 0;
            }

            Console.WriteLine();
            Console.WriteLine(
                $"{options.IdleConnections} idle + {options.ActiveWithIdle} active: {active.PerSecond:N0} steps/s, p50 {active.P50:N1} us, " +
                $"p99 {active.P99:N1} us, p99/p50 {active.P99 / active.P50:0.0}, step errors {active.Errors}, setup errors {setupErrors}, " +
                $"idle connections still answering {stillServed}/{options.IdleConnections}" +
                (floor is null ? string.Empty : $", ratio to the N={floor.Connections} floor {active.PerSecond / floor.PerSecond:0.00}"));
        }
        finally
        {
            foreach (var connection in idle)
            {
                connection.Dispose();
            }
        }
    }
}

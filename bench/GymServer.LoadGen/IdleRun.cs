namespace GymServer.LoadGen;

/// <summary>
/// Many idle connections (each with an env) held open while a few active ones step: the active ones must keep their
/// pace, and every idle one must still answer at the end.
/// </summary>
public static class IdleRun
{
    public static async Task RunAsync(LoadGenOptions options, RunResult? floor)
    {
        var idle = new List<LineConnection>(options.IdleConnections);
        var setupErrors = 0;
        try
        {
            for (var i = 0; i < options.IdleConnections; i++)
            {
                var connection = await LineConnection.ConnectAsync(options.Host, options.Port);
                idle.Add(connection);
                var reply = await connection.RoundTripAsync(Requests.Make(options.EnvId));
                setupErrors += reply.Span.StartsWith("{\"error\""u8) ? 1 : 0;
            }

            var active = await LockstepRun.RunAsync(
                options.Host, options.Port, options.ActiveWithIdle, options.Warmup, options.Duration, () => new GymScript(options.EnvId));

            var stillServed = 0;
            foreach (var connection in idle)
            {
                var reply = await connection.RoundTripAsync(Requests.ActionSpace);
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
                await connection.DisposeAsync();
            }
        }
    }
}

using GymServer.LoadGen;

// Child mode: the floor's ping-pong server, answering each line with the given reply bytes.
if (args is ["floor-server", var replyBase64, var spinLimit])
{
    FloorServer.Run(Convert.FromBase64String(replyBase64), int.Parse(spinLimit, System.Globalization.CultureInfo.InvariantCulture));
    return 0;
}

var options = LoadGenOptions.Parse(args);
Console.WriteLine($"GymServer load generator: server {options.Host}:{options.Port}, env {options.EnvId}, " +
    $"{options.Rounds} rounds of floor then server, each {options.Warmup.TotalSeconds:0.#} s warm-up + " +
    $"{options.Duration.TotalSeconds / options.Rounds:0.#} s measured, {Environment.ProcessorCount} cores, " +
    $"the floor spins up to {options.FloorSpin} connection(s)");

// The floor answers with a real step reply's bytes, so both sides move the same sizes.
using (var probe = LineConnection.Connect(options.Host, options.Port))
{
    probe.RoundTrip(Requests.Make(options.EnvId));
    probe.RoundTrip(Requests.Reset);
    var stepReply = probe.RoundTrip(Requests.Steps[0]).ToArray();
    byte[] reply = [.. stepReply, .. "\r\n\r\n"u8];
    Console.WriteLine($"request {Requests.Steps[0].Length} bytes, reply {reply.Length} bytes");

    // A fresh server runs its request path as unoptimised code until the JIT's tiering has caught up with it (a
    // few seconds of load): step it first, unmeasured, so the first connection count is not measured against that.
    if (options.ServerWarmup > TimeSpan.Zero)
    {
        var warmupConnections = options.Connections.Max();
        Console.WriteLine($"server warm-up: {warmupConnections} connections for {options.ServerWarmup.TotalSeconds:0.#} s, not measured");
        LockstepRun.Run(options.Host, options.Port, warmupConnections, TimeSpan.Zero, options.ServerWarmup, () => new GymScript(options.EnvId));
    }

    using var floor = FloorProcess.Start(reply, options.FloorSpin);
    var rows = new List<(RunResult Floor, RunResult Server)>();
    var slice = options.Duration / options.Rounds;
    foreach (var connections in options.Connections)
    {
        var floorRuns = new List<RunResult>();
        var serverRuns = new List<RunResult>();
        for (var round = 0; round < options.Rounds; round++)
        {
            floorRuns.Add(LockstepRun.Run("127.0.0.1", floor.Port, connections, options.Warmup, slice, () => new FloorScript()));
            serverRuns.Add(LockstepRun.Run(options.Host, options.Port, connections, options.Warmup, slice, () => new GymScript(options.EnvId)));
        }
        var row = (RunResult.Combine(floorRuns), RunResult.Combine(serverRuns));
        rows.Add(row);
        Report.Row(row.Item1, row.Item2);
        if (options.Detail)
        {
            Report.Percentiles(row.Item1, row.Item2);
        }
    }
    Report.Table(rows);

    if (options.IdleConnections > 0)
    {
        IdleRun.Run(options, rows.FirstOrDefault(row => row.Floor.Connections == options.ActiveWithIdle).Floor);
    }
}
return 0;

using System.Diagnostics;
using System.Globalization;
using GymServer.Bench.Vector;

// bench/vector.sh starts a server and runs this against it; "--profile" runs the server's vector path in process.
var options = VectorOptions.Parse(args);
if (options.Profile)
{
    InProcessProfile.Run(options);
    return 0;
}

Console.WriteLine($"step_vec of {options.EnvId} over one connection to {options.Host}:{options.Port}, lockstep, " +
    $"{options.Warmup.TotalSeconds:0.#} s warm-up + {options.Duration.TotalSeconds:0.#} s measured, {Environment.ProcessorCount} cores");
Console.WriteLine("| encoding | N | env steps/s | vector steps/s | reply bytes |");
Console.WriteLine("|---|---:|---:|---:|---:|");
foreach (var binary in options.Encodings)
{
    foreach (var numEnvs in options.NumEnvs)
    {
        using var client = new VectorClient(options.Host, options.Port, binary, numEnvs, options.EnvId);
        var warmup = Stopwatch.StartNew();
        while (warmup.Elapsed < options.Warmup)
        {
            client.Step();
        }
        long steps = 0;
        long replyBytes = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < options.Duration)
        {
            replyBytes += client.Step();
            steps++;
        }
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {(binary ? "binary" : "json")} | {numEnvs} | {steps * numEnvs / seconds:N0} | {steps / seconds:N0} | {replyBytes / steps:N0} |"));
    }
}
return 0;

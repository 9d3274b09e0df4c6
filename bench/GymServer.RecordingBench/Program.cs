using System.Globalization;
using GymServer.RecordingBench;

// Recording overhead for CartPole-v1: the same seeded episodes stepped without a recording, then recorded one episode
// in 8 (every:8: frames rendered after the reset and every step, piped to ffmpeg), in-process and over loopback TCP.
//   dotnet run -c Release --project bench/GymServer.RecordingBench -- [episodes] [repeats]
var episodes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 800;
var repeats = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
var root = Directory.CreateTempSubdirectory("gym-recording-bench-").FullName;
try
{
    foreach (var (name, run) in new (string, Func<int, string?, string, Task<(double, long)>>)[]
    {
        ("in-process SessionEnv", InProcessRun.RunAsync),
        ("protocol 2 over loopback TCP", TcpRun.RunAsync),
    })
    {
        // Warm-up: JIT, Skia's first canvas, ffmpeg's first start.
        await run(16, "every:8", Path.Combine(root, "warmup"));
        var plain = new List<double>();
        var recorded = new List<double>();
        long steps = 0;
        for (var repeat = 0; repeat < repeats; repeat++)
        {
            (var rate, steps) = await run(episodes, null, Path.Combine(root, $"plain-{repeat}"));
            plain.Add(rate);
            (rate, _) = await run(episodes, "every:8", Path.Combine(root, $"recorded-{repeat}"));
            recorded.Add(rate);
        }
        var median = (List<double> rates) => rates.Order().ElementAt(rates.Count / 2);
        var overhead = (1 - median(recorded) / median(plain)) * 100;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {episodes} episodes ({steps} steps), median of {repeats}: {median(plain):N0} steps/s without recording, {median(recorded):N0} steps/s recording every:8 -> overhead {overhead:F1}%"));
    }
}
finally
{
    Directory.Delete(root, recursive: true);
}

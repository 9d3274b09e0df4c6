using System.Diagnostics;
using GymServer.DashboardLoad;

var options = LoadOptions.Parse(args);
Console.WriteLine($"dashboard load: {options.Sessions} sessions on {options.Host}:{options.Port}, target {options.EpisodesPerSecond} episodes/s, " +
    $"{options.Clients} hub client(s) on {options.Http}, {options.Warmup.TotalSeconds} s warm-up + {options.Duration.TotalSeconds} s measured");

var sessions = new List<AgentSession>(options.Sessions);
for (var i = 0; i < options.Sessions; i++)
{
    sessions.Add(await AgentSession.OpenAsync(options.Host, options.Port));
}
Console.WriteLine($"{sessions.Count} sessions open, each with a CartPole-v1 env");

var counters = new List<HubCounter>();
for (var i = 0; i < options.Clients; i++)
{
    counters.Add(await HubCounter.ConnectAsync(options.Http));
}

// Paced load: workers take the sessions in turn and start episode k at k / rate seconds, so every session plays
// (one episode every sessions / rate seconds) and the node ends about the target number of episodes per second.
using var stop = new CancellationTokenSource();
const int Workers = 8;
long episodes = 0;
long steps = 0;
var clock = Stopwatch.StartNew();
var workers = Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
{
    for (long k = worker; !stop.IsCancellationRequested; k += Workers)
    {
        var due = TimeSpan.FromSeconds(k / options.EpisodesPerSecond);
        if (due > clock.Elapsed)
        {
            await Task.Delay(due - clock.Elapsed);
        }
        Interlocked.Add(ref steps, await sessions[(int)(k % sessions.Count)].PlayEpisodeAsync());
        Interlocked.Increment(ref episodes);
    }
})).ToArray();

await Task.Delay(options.Warmup);
counters.ForEach(counter => counter.StartCounting());
var (episodesBefore, stepsBefore, measureStart) = (Interlocked.Read(ref episodes), Interlocked.Read(ref steps), clock.Elapsed);
await Task.Delay(options.Duration);
counters.ForEach(counter => counter.StopCounting());
var seconds = (clock.Elapsed - measureStart).TotalSeconds;
var played = Interlocked.Read(ref episodes) - episodesBefore;
var stepped = Interlocked.Read(ref steps) - stepsBefore;
await stop.CancelAsync();
await Task.WhenAll(workers);

Console.WriteLine($"load: {played / seconds:0.0} episodes/s, {stepped / seconds:0} steps/s over {sessions.Count} sessions ({seconds:0.0} s)");
for (var i = 0; i < counters.Count; i++)
{
    var counter = counters[i];
    Console.WriteLine($"hub client {i}: {counter.Messages / seconds:0.00} messages/s (max {counter.MaxInOneSecond} in one second): " +
        $"{counter.Batches} episode batches ({counter.EpisodesDelivered} episodes, {counter.EpisodesDropped} dropped), {counter.Snapshots} snapshots");
}
foreach (var counter in counters)
{
    await counter.DisposeAsync();
}
foreach (var session in sessions)
{
    await session.DisposeAsync();
}

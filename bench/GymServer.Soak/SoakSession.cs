using System.Diagnostics;
using System.Text.Json;

namespace GymServer.Soak;

/// <summary>
/// One connection stepping one env until the deadline: handshake, make, seeded reset, then steps (resetting at the
/// end of each episode). A Python env whose worker was lost is made again; every other error is counted as one.
/// </summary>
public sealed class SoakSession(int index, string envId, bool python, SoakCounters counters)
{
    private string Backend => python ? "python" : "native";

    private string Action(long step) => envId.Contains("Pendulum", StringComparison.Ordinal) ? "[0.5]" : (step % 2).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async Task RunAsync(int port, Task start, CancellationToken stop)
    {
        try
        {
            await using var client = await ReplyClient.ConnectAsync(port);
            (await client.RequestAsync("{\"server\":{\"protocol\":2}}", stop)).Dispose();
            var instance = await MakeAsync(client, stop);
            await start;
            long step = 0;
            while (!stop.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                using var reply = await client.RequestAsync($"{{\"step\":{{\"instance\":\"{instance}\",\"action\":{Action(step++)}}}}}", stop);
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
                var root = reply.RootElement;
                if (root.TryGetProperty("error", out var error))
                {
                    var code = error.GetProperty("code").GetString()!;
                    if (python && code == "worker_lost")
                    {
                        counters.LostWorker();
                        instance = await MakeAsync(client, stop);
                        continue;
                    }
                    counters.Error(Backend, code);
                    continue;
                }
                counters.Step(elapsed);
                if ((root.GetProperty("terminated").GetBoolean() || root.GetProperty("truncated").GetBoolean())
                    && !await ResetAsync(client, instance, seed: null, stop))
                {
                    instance = await MakeAsync(client, stop);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run is over.
        }
        catch (Exception exception)
        {
            Console.Error.WriteLine($"session {index} ({envId}) broke: {exception.Message}");
            counters.Broken(Backend, exception);
        }
    }

    /// <summary>Makes the env and resets it; made again while its worker is lost between the two (a fault run).</summary>
    private async Task<string> MakeAsync(ReplyClient client, CancellationToken stop)
    {
        while (true)
        {
            using var made = await client.RequestAsync($"{{\"make\":{{\"id\":\"{envId}\"}}}}", stop);
            if (!made.RootElement.TryGetProperty("instance", out var instance))
            {
                throw new InvalidOperationException($"make {envId} failed: {made.RootElement.GetRawText()}");
            }
            var id = instance.GetString()!;
            if (await ResetAsync(client, id, index, stop))
            {
                return id;
            }
        }
    }

    /// <summary>Resets; false when the env's worker was lost (counted), so the caller makes the env again.</summary>
    private async Task<bool> ResetAsync(ReplyClient client, string instance, int? seed, CancellationToken stop)
    {
        var seedText = seed is int value ? value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "null";
        using var reset = await client.RequestAsync($"{{\"reset\":{{\"instance\":\"{instance}\",\"seed\":{seedText}}}}}", stop);
        if (reset.RootElement.TryGetProperty("error", out var error))
        {
            if (python && error.GetProperty("code").GetString() == "worker_lost")
            {
                counters.LostWorker();
                return false;
            }
            throw new InvalidOperationException($"reset failed: {error.GetRawText()}");
        }
        counters.Reset();
        return true;
    }
}

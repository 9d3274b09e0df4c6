using System.Diagnostics;
using GymServer.Engine.Admission;
using GymServer.Engine.Environments;
using GymServer.Engine.Nodes;
using GymServer.Engine.Recording;
using GymServer.Engine.Sessions;
using Microsoft.Extensions.Logging.Abstractions;

namespace GymServer.RecordingBench;

/// <summary>
/// Steps CartPole-v1 through a <see cref="SessionEnv"/> (what the server's protocol code calls) for a number of
/// episodes, with random actions from a fixed seed, optionally recorded on a schedule; returns steps per second.
/// </summary>
internal static class InProcessRun
{
    public static async Task<(double StepsPerSecond, long Steps)> RunAsync(int episodes, string? schedule, string mediaRoot)
    {
        var options = new MediaOptions { Root = mediaRoot, Schedule = schedule ?? "none", MaxBytes = 0 };
        var status = new MediaStatus(NullLogger<MediaStatus>.Instance);
        var recorder = new MediaRecorder(options, new MediaLibrary(options, status, TimeProvider.System, NullLogger<MediaLibrary>.Instance), status, new NodeIdentity("bench", () => "in-process"), NullLogger<MediaRecorder>.Instance);
        var catalog = new EnvCatalog([new NativeEnvProvider(NativeEnvironments.CreateRegistry())]);
        await using var session = new Session(catalog, ClientAdmission.WithoutNode(16), new NodeActivity(), recorder);
        var env = await session.OpenAsync("CartPole-v1", CancellationToken.None);
        if (schedule is not null)
        {
            recorder.Start(env);
        }
        var random = new Random(1);
        long steps = 0;
        var started = Stopwatch.GetTimestamp();
        for (var episode = 0; episode < episodes; episode++)
        {
            await env.ResetAsync(episode, null, CancellationToken.None);
            while (true)
            {
                BitConverter.TryWriteBytes(env.Action, (long)random.Next(2));
                var (result, _) = await env.StepAsync(CancellationToken.None);
                steps++;
                if (result.Done)
                {
                    break;
                }
            }
        }
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        // Encoding left in the background is part of the cost only if it slowed the steps; it is waited for after.
        await recorder.IdleAsync();
        if (!status.VideoEnabled)
        {
            throw new InvalidOperationException($"video was turned off: {status.VideoOffReason}");
        }
        return (steps / seconds, steps);
    }
}

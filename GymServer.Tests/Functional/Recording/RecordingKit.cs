using GymServer.Engine.Admission;
using GymServer.Engine.Environments;
using GymServer.Engine.Nodes;
using GymServer.Engine.Recording;
using GymServer.Engine.Sessions;
using GymServer.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace GymServer.Tests.Functional.Recording;

/// <summary>A recorder on a test's own media root, with the real ffmpeg (or a path that is none), and its logs.</summary>
public sealed class RecordingKit : IDisposable
{
    private static readonly EnvCatalog Catalog = new([new NativeEnvProvider(NativeEnvironments.CreateRegistry())]);

    public RecordingKit(string schedule = "every:1", string ffmpeg = "ffmpeg", long maxBytes = 0)
    {
        Options = new MediaOptions { Root = Media.Path, Schedule = schedule, Ffmpeg = ffmpeg, MaxBytes = maxBytes };
        Status = new MediaStatus(Logs.CreateLogger<MediaStatus>());
        Library = new MediaLibrary(Options, Status, TimeProvider.System, Logs.CreateLogger<MediaLibrary>());
        Recorder = new MediaRecorder(Options, Library, Status, new NodeIdentity("test-node", () => "127.0.0.1:0"), Logs.CreateLogger<MediaRecorder>());
    }

    public MediaRoot Media { get; } = new();

    public CapturingLoggerProvider Logs { get; } = new();

    public MediaOptions Options { get; }

    public MediaStatus Status { get; }

    public MediaLibrary Library { get; }

    public MediaRecorder Recorder { get; }

    public Session NewSession() => NewSession(Catalog);

    public Session NewSession(EnvCatalog catalog) => new(catalog, ClientAdmission.WithoutNode(16), new NodeActivity(), Recorder);

    /// <summary>Resets (with <paramref name="seed"/>) and pushes right until the pole falls; returns the episode's length.</summary>
    public static async Task<long> RunEpisodeAsync(SessionEnv env, long? seed = null)
    {
        await env.ResetAsync(seed, options: null, CancellationToken.None);
        BitConverter.TryWriteBytes(env.Action, 1L);
        while (true)
        {
            var (result, _) = await env.StepAsync(CancellationToken.None);
            if (result.Done)
            {
                return env.Statistics.Last!.Value.Length;
            }
        }
    }

    public void Dispose() => Media.Dispose();
}

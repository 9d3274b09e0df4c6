using GymServer.Engine.Recording;

namespace GymServer.Web.Api;

/// <summary>
/// At shutdown, gives videos already handed to the background the time the host allows to be published, so the
/// root is not left with an episode's video but no metadata.
/// </summary>
public sealed class MediaShutdown(MediaRecorder recorder) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await recorder.IdleAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout passed: what is left stays as .part files, never listed nor served.
        }
    }
}

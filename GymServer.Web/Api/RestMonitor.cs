using GymServer.Engine.Environments;
using GymServer.Engine.Recording;

namespace GymServer.Web.Api;

/// <summary>
/// gym-http-api's monitor/start and monitor/close. Gym's Monitor wrapper wrote episode statistics and videos into a
/// directory; here monitor/start turns on the env's episode statistics (Gymnasium's RecordEpisodeStatistics: the
/// last step of each episode carries <c>info.episode</c> with r, l, t) and records it under the media root, as the
/// TCP protocol's record_episode_stats does: videos on the node's schedule (Gym's Monitor default, the capped cubic
/// one), none when <c>video_callable</c> is false. The parameters are checked as the original checks them; the
/// client's <c>directory</c> is not written to: a client must never choose paths on the server.
/// </summary>
public static class RestMonitor
{
    public static async Task<IResult> StartAsync(
        string instanceId, HttpRequest request, RestEnvStore store, MediaRecorder recorder, CancellationToken cancellationToken)
    {
        var body = await RestBody.ReadAsync(request, cancellationToken).ConfigureAwait(false);
        if (body.Required("directory").ValueKind != System.Text.Json.JsonValueKind.String)
        {
            throw new RestException("The request parameter 'directory' must be a string");
        }
        _ = body.Flag("force");
        _ = body.Flag("resume");
        var schedule = body.Optional("video_callable") is { ValueKind: System.Text.Json.JsonValueKind.False } ? VideoSchedule.None : null;
        return await store.Require(instanceId).UseAsync(async env =>
        {
            env.RecordEpisodeStatistics();
            try
            {
                await recorder.StartAsync(env, schedule, cancellationToken).ConfigureAwait(false);
            }
            catch (EnvException error)
            {
                throw new RestException($"cannot record this env's video: {error.Message}");
            }
            return Results.NoContent();
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops recording videos (an episode in progress is dropped); statistics stay in the step info.</summary>
    public static async Task<IResult> CloseAsync(string instanceId, RestEnvStore store, MediaRecorder recorder, CancellationToken cancellationToken) =>
        await store.Require(instanceId).UseAsync(env =>
        {
            recorder.Stop(env);
            return Task.FromResult(Results.NoContent());
        }, cancellationToken).ConfigureAwait(false);
}

namespace GymServer.Web.Api;

/// <summary>
/// gym-http-api's monitor/start and monitor/close. Gym's Monitor wrapper wrote episode statistics and videos into a
/// directory; here monitor/start turns on the env's episode statistics (Gymnasium's RecordEpisodeStatistics: the
/// last step of each episode carries <c>info.episode</c> with r, l, t). The parameters are checked as the original
/// checks them; the directory is not written to, as this server keeps its records itself.
/// </summary>
public static class RestMonitor
{
    public static async Task<IResult> StartAsync(string instanceId, HttpRequest request, RestEnvStore store, CancellationToken cancellationToken)
    {
        var body = await RestBody.ReadAsync(request, cancellationToken).ConfigureAwait(false);
        if (body.Required("directory").ValueKind != System.Text.Json.JsonValueKind.String)
        {
            throw new RestException("The request parameter 'directory' must be a string");
        }
        _ = body.Flag("force");
        _ = body.Flag("resume");
        return await store.Require(instanceId).UseAsync(env =>
        {
            env.RecordEpisodeStatistics();
            return Task.FromResult(Results.NoContent());
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Statistics are written with each step, so there is nothing to flush: checks the instance and replies 204.</summary>
    public static IResult Close(string instanceId, RestEnvStore store)
    {
        store.Require(instanceId);
        return Results.NoContent();
    }
}

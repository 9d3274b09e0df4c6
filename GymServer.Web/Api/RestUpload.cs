namespace GymServer.Web.Api;

/// <summary>
/// gym-http-api's <c>POST /v1/upload/</c> sent a monitor's results, with the user's OpenAI API key, to the Gym
/// scoreboard, which no longer exists. The parameters are checked as the original checks them (<c>training_dir</c>
/// and <c>api_key</c> required, so an empty key gets its "not provided" message, as its clients expect), then the
/// upload is refused with HTTP 400 and a message saying why: there is nothing to upload to. Nothing is sent anywhere.
/// </summary>
public static class RestUpload
{
    public const string NothingToUploadTo =
        "There is nothing to upload to: the OpenAI Gym scoreboard that /v1/upload/ sent results to no longer exists. "
        + "This server keeps what monitor/start records itself, under /media/<instance_id>/";

    public static async Task<IResult> PostAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await RestBody.ReadAsync(request, cancellationToken).ConfigureAwait(false);
        _ = body.Required("training_dir");
        _ = body.Required("api_key");
        _ = body.Optional("algorithm_id");
        throw new RestException(NothingToUploadTo);
    }
}

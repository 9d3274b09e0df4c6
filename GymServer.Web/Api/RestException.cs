namespace GymServer.Web.Api;

/// <summary>
/// A REST request refused with <c>{"message": ...}</c>, as gym-http-api's InvalidUsage: HTTP 400 unless given another
/// status. Its clients raise the message when the status is not 200.
/// </summary>
public sealed class RestException(string message, int statusCode = StatusCodes.Status400BadRequest) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}

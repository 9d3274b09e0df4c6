namespace GymServer.Web.Security;

/// <summary>
/// Refuses a request without <c>Authorization: Bearer &lt;token&gt;</c> naming a configured token (401, with the
/// protocol's error shape) while authentication is on; lets every request through while it is off. Put it on a
/// route group with <see cref="GymAuthExtensions.RequireGymToken{TBuilder}"/>.
/// </summary>
public sealed class BearerTokenFilter(AccessTokens tokens, ILogger<BearerTokenFilter> logger) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (!tokens.IsEnabled)
        {
            return next(context);
        }
        var (given, valid) = BearerToken.Check(tokens, context.HttpContext.Request.Headers.Authorization.ToString());
        if (valid)
        {
            return next(context);
        }
        SecurityLog.HttpRefused(logger, context.HttpContext.Request.Path, given ? "a wrong token" : "no bearer token");
        context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
        var message = given
            ? "the bearer token is not one this server accepts"
            : "this server requires a token: send the header Authorization: Bearer <token>";
        return ValueTask.FromResult<object?>(Results.Json(
            new Dictionary<string, object> { ["error"] = new Dictionary<string, string> { ["code"] = "unauthorized", ["message"] = message } },
            statusCode: StatusCodes.Status401Unauthorized));
    }
}

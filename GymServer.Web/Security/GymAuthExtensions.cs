namespace GymServer.Web.Security;

/// <summary>Registers token authentication (<c>Gym:Auth</c>) and puts it on HTTP routes.</summary>
public static class GymAuthExtensions
{
    public static IServiceCollection AddGymAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GymAuthOptions>()
            .Bind(configuration.GetSection(GymAuthOptions.SectionName))
            .Validate(options => options.Tokens.TrueForAll(token => !string.IsNullOrWhiteSpace(token)),
                "Gym:Auth:Tokens must not hold an empty token")
            .ValidateOnStart();
        services.AddSingleton<AccessTokens>();
        services.AddHostedService<ExposureCheckService>();
        return services;
    }

    /// <summary>
    /// Requires <c>Authorization: Bearer &lt;token&gt;</c> on these endpoints while authentication is on, as in
    /// <c>app.MapGroup("/v1").RequireGymToken()</c>.
    /// </summary>
    public static TBuilder RequireGymToken<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, BearerTokenFilter>();
}

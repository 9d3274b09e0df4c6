using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using GymServer.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GymServer.Tests.Functional.Reliability;

/// <summary>
/// The bearer-token filter on a route group, as the REST API puts it on /v1: a real Kestrel host on a loopback port
/// with one group that requires the token and one route that does not.
/// </summary>
public sealed class HttpAuthTests
{
    private const string Token = "http-token-9d3e";

    [Fact]
    public async Task TheGroupNeedsABearerTokenWhileOtherRoutesDoNot()
    {
        await using var app = await StartAsync([Token]);
        using var http = new HttpClient { BaseAddress = Address(app) };

        var missing = await http.GetAsync("/v1/probe");
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("Bearer", missing.Headers.WwwAuthenticate.Single().Scheme);
        AssertUnauthorized(await missing.Content.ReadAsStringAsync(), "requires a token");

        var wrong = await SendAsync(http, "/v1/probe", "Bearer", Token + "x");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        AssertUnauthorized(await wrong.Content.ReadAsStringAsync(), "not one this server accepts");

        // Another scheme carrying the right secret is not a bearer token.
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(http, "/v1/probe", "Basic", Token)).StatusCode);

        var right = await SendAsync(http, "/v1/probe", "Bearer", Token);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal("probed", await right.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/open")).StatusCode);
    }

    [Fact]
    public async Task WithoutTokensTheGroupIsOpen()
    {
        await using var app = await StartAsync([]);
        using var http = new HttpClient { BaseAddress = Address(app) };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/v1/probe")).StatusCode);
    }

    private static async Task<WebApplication> StartAsync(string[] tokens)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(tokens.Select((token, i) => new KeyValuePair<string, string?>($"Gym:Auth:Tokens:{i}", token)));
        builder.Services.AddGymAuth(builder.Configuration);
        var app = builder.Build();
        app.MapGroup("/v1").RequireGymToken().MapGet("/probe", () => "probed");
        app.MapGet("/open", () => "open");
        await app.StartAsync();
        return app;
    }

    private static Uri Address(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, string path, string scheme, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue(scheme, token);
        return http.SendAsync(request);
    }

    private static void AssertUnauthorized(string body, string messagePart)
    {
        using var document = JsonDocument.Parse(body);
        var error = document.RootElement.GetProperty("error");
        Assert.Equal("unauthorized", error.GetProperty("code").GetString());
        Assert.Contains(messagePart, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, body, StringComparison.Ordinal);
    }
}

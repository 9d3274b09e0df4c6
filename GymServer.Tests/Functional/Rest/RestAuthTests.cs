using System.Net;
using System.Net.Http.Headers;

namespace GymServer.Tests.Functional.Rest;

/// <summary>With tokens configured, the REST API takes them as bearer tokens, like the TCP side's auth request.</summary>
public sealed class RestAuthTests
{
    [Fact]
    public async Task TheRestApiRefusesRequestsWithoutAValidBearerToken()
    {
        await using var server = GymServerFactory.With(new Dictionary<string, string?> { ["Gym:Auth:Tokens:0"] = "s3cret-token" });
        using var http = new HttpClient { BaseAddress = server.HttpAddress };

        var anonymous = await http.GetAsync(new Uri("/v1/envs/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains("Bearer", anonymous.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(new Uri("/v1/envs/", UriKind.Relative))).StatusCode);

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret-token");
        var listed = await http.GetAsync(new Uri("/v1/envs/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Contains("all_envs", await listed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

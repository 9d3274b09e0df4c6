using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace GymServer.Tests.Functional.Rest;

/// <summary>An HttpClient over a real socket to the server's HTTP port, returning status and parsed JSON body.</summary>
public sealed class RestTestClient(Uri address) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = address };

    public Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string route, object? body = null) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, route) { Content = body is null ? null : JsonContent.Create(body) });

    public Task<(HttpStatusCode Status, JsonElement Body)> PostRawAsync(string route, string body) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, route) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") });

    public Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string route) => SendAsync(new HttpRequestMessage(HttpMethod.Get, route));

    /// <summary>POST /v1/envs/ and the new instance id.</summary>
    public async Task<string> CreateAsync(string envId)
    {
        var (status, body) = await PostAsync("/v1/envs/", new { env_id = envId });
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        return body.GetProperty("instance_id").GetString()!;
    }

    public void Dispose() => _http.Dispose();

    private async Task<(HttpStatusCode, JsonElement)> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await _http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
            return (response.StatusCode, body);
        }
    }
}

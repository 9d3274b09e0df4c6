using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using GymServer.Engine.Recording;
using Microsoft.Extensions.DependencyInjection;

namespace GymServer.Tests.Functional.Recording;

/// <summary>
/// A client records over TCP (protocol 1, as gym_tcp_api's clients did) and a browser fetches the result over HTTP
/// from the real host: listings, content types, a range request.
/// </summary>
public sealed class MediaHttpTests : IClassFixture<MediaHttpTests.RecordedServer>
{
    private readonly RecordedServer _server;

    public MediaHttpTests(RecordedServer server)
    {
        _server = server;
    }

    [Fact]
    public void TheUrlCommandNamesTheInstanceFolder() => Assert.Equal(_server.Instance + "/", _server.Url);

    [Fact]
    public void TheStepThatEndedTheEpisodeReportedItsStatistics() => Assert.Equal(_server.Length, _server.ReportedLength);

    [Fact]
    public async Task TheRootListingInJsonNamesTheInstanceFolder()
    {
        using var http = _server.Http();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/media/");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var listing = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var entry = Assert.Single(listing.RootElement.GetProperty("entries").EnumerateArray());
        Assert.Equal(_server.Instance, entry.GetProperty("name").GetString());
        Assert.Equal("folder", entry.GetProperty("type").GetString());
        Assert.Equal(_server.Instance + "/", entry.GetProperty("url").GetString());
    }

    [Fact]
    public async Task TheInstanceListingInHtmlLinksEveryFile()
    {
        using var http = _server.Http();
        using var response = await http.GetAsync($"/media/{_server.Instance}/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        foreach (var file in (string[])["episode-000000.mp4", "episode-000000.png", "episode-000000.json", "index.json"])
        {
            Assert.Contains($"href=\"/media/{_server.Instance}/{file}\"", html);
        }
    }

    [Theory]
    [InlineData("episode-000000.mp4", "video/mp4")]
    [InlineData("episode-000000.png", "image/png")]
    [InlineData("episode-000000.json", "application/json")]
    [InlineData("index.json", "application/json")]
    public async Task FilesComeWithTheirContentTypes(string file, string contentType)
    {
        using var http = _server.Http();
        using var response = await http.GetAsync($"/media/{_server.Instance}/{file}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(new FileInfo(Path.Combine(_server.Root.Path, _server.Instance, file)).Length, (await response.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task ARangeRequestGetsPartialContent()
    {
        using var http = _server.Http();
        var video = await File.ReadAllBytesAsync(Path.Combine(_server.Root.Path, _server.Instance, "episode-000000.mp4"));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/media/{_server.Instance}/episode-000000.mp4");
        request.Headers.Range = new RangeHeaderValue(100, 199);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal($"bytes 100-199/{video.Length}", response.Content.Headers.ContentRange!.ToString());
        Assert.Equal(video[100..200], await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("bytes", response.Headers.AcceptRanges);
    }

    [Fact]
    public async Task AFileStillBeingWrittenOrOfAnotherKindIsNotServed()
    {
        File.WriteAllBytes(Path.Combine(_server.Root.Path, _server.Instance, "episode-000009.mp4.part"), [1, 2, 3]);
        using var http = _server.Http();
        using var partial = await http.GetAsync($"/media/{_server.Instance}/episode-000009.mp4.part");
        Assert.Equal(HttpStatusCode.NotFound, partial.StatusCode);
        using var missing = await http.GetAsync($"/media/{_server.Instance}/episode-000099.mp4");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    /// <summary>A server with its own media root where one CartPole episode was recorded over TCP.</summary>
    public sealed class RecordedServer : IAsyncLifetime
    {
        public MediaRoot Root { get; } = new();

        public GymServerFactory Server { get; private set; } = null!;

        public string Instance { get; private set; } = "";

        public string Url { get; private set; } = "";

        public long Length { get; private set; }

        public long ReportedLength { get; private set; }

        public HttpClient Http() => new() { BaseAddress = Server.HttpAddress };

        public async Task InitializeAsync()
        {
            Server = GymServerFactory.With(new Dictionary<string, string?>
            {
                ["Gym:Media:Root"] = Root.Path,
                ["Gym:Media:Schedule"] = "cubic",
            });
            await using var client = await Server.ConnectAsync();
            Instance = (await client.RequestAsync("{\"env\":{\"name\":\"CartPole-v1\"}}")).GetProperty("instance").GetString()!;
            await client.SendAsync("{\"record_episode_stats\":{\"action\":\"start\"}}");
            await client.RequestAsync("{\"env\":{\"action\":\"reset\"}}");
            while (true)
            {
                var step = await client.RequestAsync("{\"step\":{\"action\":1,\"render\":0}}");
                Length++;
                if (step.GetProperty("done").GetBoolean())
                {
                    ReportedLength = step.GetProperty("info").GetProperty("episode").GetProperty("l").GetInt64();
                    break;
                }
            }
            Url = (await client.RequestAsync("{\"url\":{\"action\":\"url\"}}")).GetProperty("url").GetString()!;
            await Server.Services.GetRequiredService<MediaRecorder>().IdleAsync();
        }

        public async Task DisposeAsync()
        {
            await Server.DisposeAsync();
            Root.Dispose();
        }
    }
}

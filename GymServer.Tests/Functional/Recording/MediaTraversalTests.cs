using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GymServer.Tests.Functional.Recording;

/// <summary>
/// Paths that try to leave the media root, sent byte for byte over a raw socket (HttpClient would normalise them):
/// every one is refused with 400 or 404, and no byte of the file outside the root comes back.
/// </summary>
public sealed class MediaTraversalTests : IClassFixture<MediaTraversalTests.Fixture>
{
    private const string Secret = "secret-outside-the-media-root";
    private readonly Fixture _fixture;

    public MediaTraversalTests(Fixture fixture)
    {
        _fixture = fixture;
    }

    [Theory]
    [InlineData("/media/../appsettings.json")]
    [InlineData("/media/inst/../../appsettings.json")]
    [InlineData("/media/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/media/%2E%2E/outside/secret.json")]
    [InlineData("/media/..%2f..%2fetc%2fpasswd")]
    [InlineData("/media/inst%2f..%2f..%2foutside%2fsecret.json")]
    [InlineData("/media/%2fetc%2fpasswd")]
    [InlineData("/media//etc/passwd")]
    [InlineData("/media/inst/..%5c..%5coutside%5csecret.json")]
    [InlineData("/media/inst/%2e%2e%5csecret.json")]
    [InlineData("/media/.hidden")]
    [InlineData("/media/escape/secret.json")]
    [InlineData("/media/escape/")]
    [InlineData("/media/inst/linked.json")]
    [InlineData("/media/%252e%252e/secret.json")]
    public async Task PathsOutOfTheRootAreRefused(string target)
    {
        var (status, response) = await RawGetAsync(_fixture.Server.HttpAddress, target);
        Assert.True(status is 400 or 404, $"{target}: {status}\n{response}");
        Assert.DoesNotContain(Secret, response);
    }

    [Fact]
    public async Task APlainFileInsideTheRootIsServed()
    {
        var (status, response) = await RawGetAsync(_fixture.Server.HttpAddress, "/media/inst/episode-000000.json");
        Assert.Equal(200, status);
        Assert.Contains("{\"inside\":true}", response);
    }

    private static async Task<(int Status, string Response)> RawGetAsync(Uri server, string target)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, server.Port);
        var request = $"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
        await socket.SendAsync(Encoding.ASCII.GetBytes(request), SocketFlags.None);
        using var received = new MemoryStream();
        var buffer = new byte[8192];
        using var deadline = new CancellationTokenSource(GymTestClient.ReadDeadline);
        int read;
        while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, deadline.Token)) > 0)
        {
            received.Write(buffer, 0, read);
        }
        var text = Encoding.UTF8.GetString(received.ToArray());
        return (int.Parse(text.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), text);
    }

    /// <summary>A media root with one plain file, a symlinked folder and a symlinked file pointing outside it.</summary>
    public sealed class Fixture : IDisposable
    {
        private readonly MediaRoot _root = new();
        private readonly MediaRoot _outside = new();

        public Fixture()
        {
            File.WriteAllText(_outside.File("secret.json"), Secret);
            Directory.CreateDirectory(_root.File("inst"));
            File.WriteAllText(_root.File("inst", "episode-000000.json"), "{\"inside\":true}");
            File.CreateSymbolicLink(_root.File("inst", "linked.json"), _outside.File("secret.json"));
            Directory.CreateSymbolicLink(_root.File("escape"), _outside.Path);
            Directory.CreateDirectory(_root.File(".hidden"));
            Server = GymServerFactory.With(new Dictionary<string, string?> { ["Gym:Media:Root"] = _root.Path });
        }

        public GymServerFactory Server { get; }

        public void Dispose()
        {
            Server.Dispose();
            _root.Dispose();
            _outside.Dispose();
        }
    }
}

using System.Net;
using System.Net.Sockets;

namespace GymServer.Client.Tests;

/// <summary>The server's error replies as <see cref="GymServerException"/>s, and the client's own failures.</summary>
[Collection(ServerCollection.Name)]
public sealed class ErrorTests(ServerFixture server)
{
    [Fact]
    public async Task UnknownEnvCarriesTheServersCodeAndMessage()
    {
        await using var client = await server.ConnectAsync();
        var error = await Assert.ThrowsAsync<GymServerException>(() => client.MakeAsync("CartPol-v1"));
        Assert.Equal("unknown_env", error.Code);
        Assert.Contains("did you mean CartPole-v1", error.Message);
        // The connection goes on after an error.
        await using var env = await client.MakeAsync("CartPole-v1");
    }

    [Fact]
    public async Task ActionsOutsideTheSpaceAreRefusedByTheServer()
    {
        await using var client = await server.ConnectAsync();
        await using var env = await client.MakeAsync("CartPole-v1");
        Assert.Equal("reset_needed", (await Assert.ThrowsAsync<GymServerException>(() => env.StepAsync(1L))).Code);
        await env.ResetAsync(seed: 0);
        var error = await Assert.ThrowsAsync<GymServerException>(() => env.StepAsync(3L));
        Assert.Equal("invalid_action", error.Code);
        Assert.Contains("action 3 is not in the action space", error.Message);
        await env.StepAsync(0L);
    }

    [Fact]
    public async Task ActionsOfTheWrongTypeNeverLeaveTheClient()
    {
        await using var client = await server.ConnectAsync();
        await using var env = await client.MakeAsync("CartPole-v1");
        await env.ResetAsync(seed: 0);
        await Assert.ThrowsAsync<ArgumentException>(() => env.StepAsync(new[] { 0.5f }));
        await Assert.ThrowsAsync<ArgumentException>(() => env.StepAsync(1.0));
        await env.StepAsync(1L);
    }

    [Fact]
    public async Task ANegativeSeedIsAnInvalidArgument()
    {
        await using var client = await server.ConnectAsync();
        await using var env = await client.MakeAsync("CartPole-v1");
        var error = await Assert.ThrowsAsync<GymServerException>(() => env.ResetAsync(seed: -1));
        Assert.Equal("invalid_argument", error.Code);
        Assert.Contains("reset.seed", error.Message);
    }

    [Fact]
    public async Task ConnectingWhereNothingListensIsAConnectionError()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var error = await Assert.ThrowsAsync<GymServerException>(() => GymClient.ConnectAsync("127.0.0.1", port));
        Assert.Equal(GymServerException.ConnectionLost, error.Code);
    }

    [Fact]
    public async Task APeerThatNeverAnswersTimesOut()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var options = new GymClientOptions { RequestTimeout = TimeSpan.FromMilliseconds(200) };
        var connect = GymClient.ConnectAsync("127.0.0.1", port, options);
        using var peer = await silent.AcceptTcpClientAsync();
        var error = await Assert.ThrowsAsync<TimeoutException>(() => connect);
        Assert.Contains("no reply from GymServer", error.Message);
    }

    [Fact]
    public async Task CancellingARequestClosesTheConnection()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        await using var connection = await GymConnection.ConnectAsync("127.0.0.1", port);
        using var peer = await silent.AcceptTcpClientAsync();
        using var cancel = new CancellationTokenSource();
        var request = connection.RequestAsync(new System.Text.Json.Nodes.JsonObject { ["list_envs"] = new System.Text.Json.Nodes.JsonObject() }, cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
        var after = await Assert.ThrowsAsync<GymServerException>(() => connection.RequestAsync(new System.Text.Json.Nodes.JsonObject()));
        Assert.Equal(GymServerException.ConnectionLost, after.Code);
    }

    [Fact]
    public async Task AnAlreadyCancelledTokenSendsNothing()
    {
        await using var client = await server.ConnectAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.MakeAsync("CartPole-v1", cancellationToken: new CancellationToken(true)));
        await using var env = await client.MakeAsync("CartPole-v1");
    }

    [Fact]
    public async Task AServerThatStopsEndsTheConnectionWithAnError()
    {
        var alone = ServerFixture.Alone();
        await using var client = await alone.ConnectAsync();
        var env = await client.MakeAsync("CartPole-v1");
        await env.ResetAsync(seed: 0);
        await alone.DisposeAsync();
        var error = await Assert.ThrowsAsync<GymServerException>(() => env.StepAsync(1L));
        Assert.Contains(error.Code, new[] { "server_shutting_down", GymServerException.ConnectionClosed, GymServerException.ConnectionLost });
        var next = await Assert.ThrowsAsync<GymServerException>(() => env.StepAsync(1L));
        Assert.Contains(next.Code, new[] { GymServerException.ConnectionClosed, GymServerException.ConnectionLost });
    }
}

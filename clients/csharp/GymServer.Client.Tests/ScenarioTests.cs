using System.Text.Json.Nodes;

namespace GymServer.Client.Tests;

/// <summary>Replays clients/scenarios/protocol.json, the expectations every GymServer client shares.</summary>
[Collection(ServerCollection.Name)]
public sealed class ScenarioTests(ServerFixture server)
{
    public static TheoryData<string> Names => [.. ScenarioReplay.Load().Select(s => (string)s["name"]!)];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task ScenarioReplays(string name)
    {
        var scenario = ScenarioReplay.Load().Single(s => (string)s["name"]! == name);
        await using var connection = await GymConnection.ConnectAsync("127.0.0.1", server.TcpPort);
        await new ScenarioReplay().RunAsync(connection, scenario);
    }

    [Fact]
    public void TheFileHasScenariosOfBothProtocols()
    {
        var protocols = ScenarioReplay.Load().Select(s => (int)s["protocol"]!).ToHashSet();
        Assert.Equal([1, 2], protocols.Order());
        Assert.All(ScenarioReplay.Load(), s => Assert.NotEmpty((JsonArray)s["steps"]!));
    }
}

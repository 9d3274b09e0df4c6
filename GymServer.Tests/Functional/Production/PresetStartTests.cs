namespace GymServer.Tests.Functional.Production;

/// <summary>
/// The real program with a bad preset in its settings: it does not start, exits with code 1 and says in one line
/// which preset and what is wrong; a good preset beside it changes nothing.
/// </summary>
public sealed class PresetStartTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(90);

    [Theory]
    [InlineData("--Gym:Envs:Presets:Broken-v0:id=CartPol-v1", "preset 'Broken-v0' (Gym:Envs:Presets:Broken-v0): unknown_env: ")]
    [InlineData("--Gym:Envs:Presets:Broken-v0:wrappers:0:name=FrameStackObservation",
        "preset 'Broken-v0' (Gym:Envs:Presets:Broken-v0): invalid_argument: wrapper FrameStackObservation: missing required keyword argument 'stack_size'")]
    [InlineData("--Gym:Envs:Presets:Broken-v0:wrapers:0:name=ClipReward", "preset 'Broken-v0' (Gym:Envs:Presets:Broken-v0): unknown field 'wrapers'")]
    public async Task ABadPresetStopsTheServerWithAMessageNamingIt(string setting, string message)
    {
        string[] settings = setting.Contains(":id=", StringComparison.Ordinal)
            ? [setting]
            : ["--Gym:Envs:Presets:Broken-v0:id=CartPole-v1", setting];
        await using var server = ServerProcess.StartBuilt(
            ["--Gym:Python:Workers=0", "--Gym:Envs:Presets:Good-v0:id=Acrobot-v1", .. settings]);
        Assert.Equal(1, await server.WaitForExitAsync(ExitTimeout));
        var line = Assert.Single(server.Lines, line => line.StartsWith("GymServer did not start: ", StringComparison.Ordinal));
        Assert.StartsWith("GymServer did not start: " + message, line, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Lines, line => line.Contains("Gym TCP protocol listening", StringComparison.Ordinal));
    }
}

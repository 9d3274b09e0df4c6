using System.Text;
using GymServer.Engine.Environments;
using GymServer.Engine.Python;
using GymServer.Engine.Spaces;
using GymServer.Protocol;
using Microsoft.Extensions.Configuration;

namespace GymServer.Tests.Unit.Python;

/// <summary>Settings, id checks and make replies: everything of the pool that needs no process.</summary>
public sealed class PythonConfigurationTests
{
    [Fact]
    public void OptionsBindFromGymPythonWithDocumentedDefaults()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gym:Python:Workers"] = "8",
            ["Gym:Python:Imports:0"] = "ale_py",
            ["Gym:Python:Imports:1"] = "my_envs",
            ["Gym:Python:AllowedModules:0"] = "my_envs",
            ["Gym:Python:CallTimeout"] = "00:00:05",
        }).Build();
        var options = configuration.GetSection(PythonOptions.SectionName).Get<PythonOptions>()!;
        Assert.Equal(8, options.Workers);
        Assert.Equal(["ale_py", "my_envs"], options.Imports);
        Assert.Equal(["my_envs"], options.AllowedModules);
        Assert.Equal(TimeSpan.FromSeconds(5), options.CallTimeout);
        Assert.Equal("python3", options.Executable);
        Assert.Empty(options.Validate());
        var defaults = new PythonOptions();
        Assert.Equal(4, defaults.Workers);
        Assert.Equal(Environment.ProcessorCount, defaults.VectorSpread);
        Assert.EndsWith(Path.Combine("python", "gym_worker.py"), defaults.ResolveWorkerScript());
        Assert.True(File.Exists(defaults.ResolveWorkerScript()), "the worker ships beside the engine");
    }

    [Fact]
    public void ValidateNamesEveryProblem()
    {
        var problems = new PythonOptions
        {
            Workers = -1,
            MaxEnvsPerWorker = 0,
            CallTimeout = TimeSpan.Zero,
            RestartBackoff = TimeSpan.FromSeconds(10),
            RestartBackoffMax = TimeSpan.FromSeconds(1),
            Executable = " ",
            MaxFrameBytes = 10,
        }.Validate();
        Assert.Equal(6, problems.Count);
    }

    [Theory]
    [InlineData("CartPole-v1", null)]
    [InlineData("ALE/Pong-v5", null)]
    [InlineData("my_envs:Maze-v0", "my_envs")]
    [InlineData("a.b:c:Name-v0", "a.b:c")]
    [InlineData(":Name-v0", null)]
    public void ModuleOfReadsTheImportPart(string id, string? module) => Assert.Equal(module, PythonEnvIds.ModuleOf(id));

    [Fact]
    public void OnlyAllowedModulesPass()
    {
        PythonEnvIds.EnsureAllowed("CartPole-v1", []);
        PythonEnvIds.EnsureAllowed("my_envs:Maze-v0", ["my_envs"]);
        var refused = Assert.Throws<EnvException>(() => PythonEnvIds.EnsureAllowed("my_envs.evil:Maze-v0", ["my_envs"]));
        Assert.Equal(EnvErrorCodes.ForbiddenEnv, refused.Code);
        Assert.Throws<EnvException>(() => PythonEnvIds.EnsureAllowed("subprocess:X-v0", []));
    }

    [Fact]
    public void MakeReplyParsesSpacesAndSpec()
    {
        var meta = Encoding.UTF8.GetBytes("""
            {"observation_space":{"type":"Box","shape":[2],"dtype":"float32","low":["-inf",0],"high":[1,"inf"]},
             "action_space":{"type":"Discrete","n":3,"start":-1},
             "spec":{"id":"My-v0","max_episode_steps":200,"reward_threshold":195.0,"nondeterministic":true,"render_fps":30,"render_modes":[]}}
            """);
        var made = WorkerMakeReply.Parse(meta, "python:My-v0");
        Assert.Equal(new EnvSpec("My-v0", 200, 195.0, Nondeterministic: true, RenderFps: 30), made.Spec);
        Assert.Equal(8, made.ObservationSpace.ByteSize);
        Assert.Equal(-1, Assert.IsType<Discrete>(made.ActionSpace).Start);
    }

    [Fact]
    public void SpaceWithoutEngineFormIsUnsupportedSpace()
    {
        var meta = Encoding.UTF8.GetBytes("""
            {"observation_space":{"type":"Box","shape":[1],"dtype":"float16","low":[0],"high":[1]},
             "action_space":{"type":"Discrete","n":2,"start":0},"spec":{}}
            """);
        var error = Assert.Throws<EnvException>(() => WorkerMakeReply.Parse(meta, "Half-v0"));
        Assert.Equal(EnvErrorCodes.UnsupportedSpace, error.Code);
        Assert.Contains("float16", error.Message);
    }
}

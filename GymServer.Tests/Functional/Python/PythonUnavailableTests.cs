using GymServer.Engine.Environments;
using GymServer.Engine.Python;
using GymServer.Engine.Sessions;
using GymServer.Protocol;
using GymServer.Protocol.Values;
using GymServer.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GymServer.Tests.Functional.Python;

/// <summary>
/// A host whose Python side cannot work (no interpreter, no gymnasium, a failing import, or Python disabled)
/// still starts, says why once in its log, refuses Python makes clearly and keeps native envs working.
/// </summary>
[Collection(PythonWorkersCollection.Name)]
public sealed class PythonUnavailableTests
{
    [Theory]
    [InlineData("/nonexistent/python3", true, "", "cannot run the Python interpreter '/nonexistent/python3'", "Gym:Python:Executable")]
    [InlineData(PythonTestPool.Interpreter, false, "", "the interpreter '/usr/bin/python3' cannot serve envs: cannot import gymnasium or gym", "Gym:Python:Executable")]
    [InlineData(PythonTestPool.Interpreter, true, "no_such_module_anywhere", "No module named 'no_such_module_anywhere'", "Gym:Python:Imports")]
    public async Task HostStartsWithPythonUnavailableReportedOnce(string executable, bool fakeGym, string import, string reason, string setting)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Gym:Python:Workers"] = "3",
            ["Gym:Python:Executable"] = executable,
            ["Gym:Python:PythonPath:0"] = fakeGym ? PythonTestPool.FakeGymDirectory : "/nonexistent",
            ["Gym:Python:Imports:0"] = import.Length > 0 ? import : "gymserver_testenvs",
        };
        if (!fakeGym)
        {
            settings.Remove("Gym:Python:Imports:0");
        }
        var (host, logs) = BuildHost(settings);
        await host.StartAsync();
        try
        {
            var pool = host.Services.GetRequiredService<PythonWorkerPool>();
            Assert.Equal(PythonPoolState.Unavailable, pool.State);
            Assert.Contains(reason, pool.GetStatus().Reason);
            // One warning, with the setting to change; the worker's traceback is there at Debug only.
            var report = Assert.Single(logs.Entries, entry => entry.Level >= LogLevel.Warning);
            Assert.Equal(LogLevel.Warning, report.Level);
            Assert.Contains(reason, report.Message);
            Assert.Contains(setting, report.Message);
            Assert.Contains("Native envs keep working", report.Message);
            Assert.DoesNotContain(logs.Entries, entry => entry.Level > LogLevel.Debug && entry.Message.Contains("Traceback", StringComparison.Ordinal));
            if (executable == PythonTestPool.Interpreter)
            {
                Assert.Contains(logs.Entries, entry => entry.Level == LogLevel.Debug && entry.Message.Contains("Traceback", StringComparison.Ordinal));
            }

            var provider = Assert.Single(host.Services.GetServices<IEnvProvider>());
            Assert.False(provider.Serves("CartPole-v1"));
            var refused = await Assert.ThrowsAsync<EnvException>(
                async () => await provider.MakeAsync("CartPole-v1", "a", null, [], null, CancellationToken.None));
            Assert.Equal(EnvErrorCodes.PythonUnavailable, refused.Code);
            Assert.Contains(reason, refused.Message);
            StepNativeTaxi();
        }
        finally
        {
            await host.StopAsync();
            host.Dispose();
        }
    }

    [Fact]
    public async Task ZeroWorkersDisablesPython()
    {
        var (host, logs) = BuildHost(new Dictionary<string, string?> { ["Gym:Python:Workers"] = "0" });
        await host.StartAsync();
        try
        {
            var pool = host.Services.GetRequiredService<PythonWorkerPool>();
            Assert.Equal(PythonPoolState.Disabled, pool.State);
            Assert.DoesNotContain(logs.Entries, entry => entry.Level >= LogLevel.Warning);
            var refused = await Assert.ThrowsAsync<EnvException>(
                async () => await host.Services.GetRequiredService<PythonEnvProvider>().MakeAsync("CartPole-v1", "a", null, [], null, CancellationToken.None));
            Assert.Equal(EnvErrorCodes.PythonUnavailable, refused.Code);
            Assert.Contains("disabled", refused.Message);
            StepNativeTaxi();
        }
        finally
        {
            await host.StopAsync();
            host.Dispose();
        }
    }

    [Fact]
    public async Task InvalidSettingsStopTheHostWithEveryProblemNamed()
    {
        var (host, _) = BuildHost(new Dictionary<string, string?>
        {
            ["Gym:Python:Workers"] = "-1",
            ["Gym:Python:MaxEnvsPerWorker"] = "0",
        });
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(error.Failures, failure => failure.Contains("Workers must be 0 (disabled) or more", StringComparison.Ordinal));
        Assert.Contains(error.Failures, failure => failure.Contains("MaxEnvsPerWorker must be at least 1", StringComparison.Ordinal));
        host.Dispose();
    }

    [Fact]
    public async Task WorkingHostServesPythonEnvsThroughTheRegisteredProvider()
    {
        var (host, _) = BuildHost(new Dictionary<string, string?>
        {
            ["Gym:Python:Workers"] = "1",
            ["Gym:Python:Executable"] = PythonTestPool.Interpreter,
            ["Gym:Python:PythonPath:0"] = PythonTestPool.FakeGymDirectory,
            ["Gym:Python:Imports:0"] = "gymserver_testenvs",
        });
        await host.StartAsync();
        try
        {
            Assert.Equal(PythonPoolState.Ready, host.Services.GetRequiredService<PythonWorkerPool>().State);
            var provider = Assert.Single(host.Services.GetServices<IEnvProvider>());
            Assert.Equal("python", provider.Backend);
            Assert.True(provider.Serves("GymServerTest/Image-v0"));
            await using var env = await provider.MakeAsync("GymServerTest/Image-v0", "img", null, [], null, CancellationToken.None);
            await env.ResetAsync(0, null, new byte[env.ObservationSpace.ByteSize], new EnvInfo(), CancellationToken.None);
        }
        finally
        {
            await host.StopAsync();
            host.Dispose();
        }
    }

    private static (IHost Host, CapturingLoggerProvider Logs) BuildHost(Dictionary<string, string?> settings)
    {
        var logs = new CapturingLoggerProvider();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddGymPython(builder.Configuration);
        return (builder.Build(), logs);
    }

    private static void StepNativeTaxi()
    {
        // Moving south always costs 1 in Taxi, wall or not.
        using var env = NativeEnvironments.CreateRegistry().Make("Taxi-v3");
        var observation = new byte[env.ObservationSpace.ByteSize];
        var info = new EnvInfo();
        env.Reset(0, null, observation, info);
        Assert.Equal(-1.0, env.Step(PythonEnvErrorTests.Action(0), observation, info).Reward);
    }
}

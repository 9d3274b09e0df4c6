using System.Globalization;
using CsCheck;
using Xunit.Abstractions;

namespace GymServer.Tests.Fuzz;

/// <summary>
/// Property-based fuzzing of the TCP protocol: random and mutated requests of every message type of protocols 1
/// and 2, split at random points across writes, each connection through the real read and write loops. The short run
/// is part of the suite; bench/fuzz.sh runs it longer (GYM_FUZZ_SECONDS) and records the counts (GYM_FUZZ_REPORT).
/// </summary>
public sealed class ProtocolFuzzTests(ITestOutputHelper output)
{
    /// <summary>About 100,000 request lines (8.5 lines per connection on average), well under a minute on 2 cores.</summary>
    private const long DefaultConnections = 12_000;

    [Fact]
    public async Task EveryRequestGetsAWellFormedReplyAndNothingCrashesOrHangs()
    {
        var harness = new FuzzHarness();
        var seconds = Setting("GYM_FUZZ_SECONDS");
        var started = DateTime.UtcNow;
        await FuzzInput.Generator.SampleAsync(
            harness.RunAsync,
            writeLine: output.WriteLine,
            seed: Environment.GetEnvironmentVariable("GYM_FUZZ_SEED") is { Length: > 0 } seed ? seed : null,
            iter: seconds > 0 ? -1 : Setting("GYM_FUZZ_CONNECTIONS") is > 0 and var connections ? connections : DefaultConnections,
            time: seconds > 0 ? (int)seconds : -1,
            print: input => input.ToString());
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"fuzzed {harness.Lines} request lines on {harness.Connections} connections, {harness.Replies} replies, 0 crashes, 0 hangs, in {(DateTime.UtcNow - started).TotalSeconds:F0} s; {harness.SplitCompressedReplies} compressed replies held the terminator");
        output.WriteLine(summary);
        if (Environment.GetEnvironmentVariable("GYM_FUZZ_REPORT") is { Length: > 0 } report)
        {
            await File.WriteAllTextAsync(report, summary + "\n");
        }
        Assert.True(harness.Lines > 0);
    }

    private static long Setting(string name) =>
        long.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
}

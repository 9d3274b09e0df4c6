using GymServer.Engine.Environments;
using GymServer.Engine.Environments.ToyText;
using GymServer.Protocol.Values;

namespace GymServer.Tests.Unit.Environments;

/// <summary>Taxi's info (prob and the reused action_mask buffer) and its Gymnasium 1.2 options.</summary>
public sealed class TaxiTests
{
    [Fact]
    public void Action_mask_is_one_reused_buffer_rewritten_each_step()
    {
        using var env = ToyTextKit.Make("Taxi-v3");
        var info = new EnvInfo();
        Assert.Equal("314", ToyTextKit.Reset(env, 0, info));
        Assert.True(info.TryGet("action_mask", out var atReset));
        Assert.Equal(new sbyte[] { 1, 1, 0, 0, 0, 0 }, atReset.Int8Array.ToArray());
        Assert.True(info.TryGet("prob", out var prob));
        Assert.Equal((InfoKind.Float, 1.0), (prob.Kind, prob.Float));

        // South from (3, 0) to (4, 0), the Y stand: no way south any more, east is walled.
        Assert.Equal("414", ToyTextKit.Step(env, 0, info).Observation);
        Assert.True(info.TryGet("action_mask", out var afterStep));
        Assert.Same(atReset.Payload, afterStep.Payload);
        Assert.Equal(new sbyte[] { 0, 1, 0, 0, 0, 0 }, afterStep.Int8Array.ToArray());
    }

    [Fact]
    public void Options_are_read()
    {
        using var plain = (Taxi)ToyTextKit.Make("Taxi-v3");
        using var both = (Taxi)ToyTextKit.Make("Taxi-v3", """{"is_rainy": true, "fickle_passenger": true}""");
        Assert.False(plain.IsRainy || plain.FicklePassenger);
        Assert.True(both.IsRainy && both.FicklePassenger);
    }

    [Fact]
    public void Rain_reports_the_probability_of_the_move_taken()
    {
        using var env = ToyTextKit.Make("Taxi-v3", """{"is_rainy": true}""");
        ToyTextKit.Reset(env, 0);
        var info = new EnvInfo();
        var seen = new HashSet<double>();
        for (var i = 0; i < 200; i++)
        {
            ToyTextKit.Step(env, i % 4, info);
            Assert.True(info.TryGet("prob", out var prob));
            seen.Add(prob.Float);
        }
        Assert.Equal(new HashSet<double> { 0.8, 0.1 }, seen);
    }

    [Fact]
    public void Illegal_pickup_and_dropoff_cost_ten()
    {
        using var env = ToyTextKit.Make("Taxi-v3");
        ToyTextKit.Reset(env, 0); // taxi at (3, 0), passenger waiting elsewhere
        Assert.Equal(-10, ToyTextKit.Step(env, 4).Result.Reward);
        Assert.Equal(-10, ToyTextKit.Step(env, 5).Result.Reward);
        Assert.Equal(-1, ToyTextKit.Step(env, 1).Result.Reward);
    }

    [Fact]
    public void Non_boolean_options_are_refused()
    {
        var error = ToyTextKit.MakeFails("Taxi-v3", """{"is_rainy": 1}""");
        Assert.Contains("is_rainy", error.Message);
    }
}

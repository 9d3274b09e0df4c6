using System.Globalization;
using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Engine.Environments.ToyText;
using GymServer.Protocol.Values;

namespace GymServer.Tests.Unit.Environments;

/// <summary>
/// Taxi's info (prob and the reused action_mask buffer) and its options: Taxi-v4's (Gymnasium 1.4.0) and Taxi-v3's
/// (1.2.2). The conformance data checks both value for value; these tests say in words where they differ.
/// </summary>
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
    public void Options_are_read_as_each_version_takes_them()
    {
        using var plain = (Taxi)ToyTextKit.Make("Taxi-v4");
        using var all = (Taxi)ToyTextKit.Make(
            "Taxi-v4", """{"is_rainy": true, "fickle_passenger": true, "rainy_probability": 1, "fickle_probability": 0.5}""");
        using var old = (Taxi)ToyTextKit.Make("Taxi-v3", """{"is_rainy": true, "fickle_passenger": true}""");
        Assert.Equal(new TaxiOptions(TaxiVersion.V4), plain.Options);
        Assert.Equal(new TaxiOptions(TaxiVersion.V4, true, true, 1.0, RainyProbabilityIsInteger: true, 0.5), all.Options);
        Assert.Equal(new TaxiOptions(TaxiVersion.V3, true, true), old.Options);
    }

    [Theory]
    [InlineData("rainy_probability")]
    [InlineData("fickle_probability")]
    public void Taxi_v3_refuses_the_probabilities_that_came_with_v4(string name)
    {
        var error = ToyTextKit.MakeFails("Taxi-v3", $$"""{"{{name}}": 0.5}""");
        Assert.Contains($"unexpected keyword argument(s): {name}", error.Message);
    }

    [Theory]
    [InlineData("""{"rainy_probability": 1.5}""", "rainy_probability")]
    [InlineData("""{"fickle_probability": -0.1}""", "fickle_probability")]
    [InlineData("""{"rainy_probability": "0.5"}""", "rainy_probability")]
    [InlineData("""{"fickle_probability": true}""", "fickle_probability")]
    public void Taxi_v4_refuses_a_probability_outside_0_and_1(string kwargs, string name)
    {
        var error = ToyTextKit.MakeFails("Taxi-v4", kwargs);
        Assert.Contains(name, error.Message);
    }

    [Theory]
    [InlineData("Taxi-v3", "{}", 0.8, 0.1)]
    [InlineData("Taxi-v4", "{}", 0.8, 0.09999999999999998)]
    [InlineData("Taxi-v4", """{"rainy_probability": 0.6}""", 0.6, 0.2)]
    public void Rain_reports_the_probability_of_the_move_taken(string id, string probability, double intended, double sideways)
    {
        // v3 writes 0.1; v4 computes (1.0 - 0.8) / 2.0, which is 0.09999999999999998 in float64.
        var kwargs = ToyTextKit.Kwargs(probability);
        kwargs["is_rainy"] = JsonDocument.Parse("true").RootElement;
        using var env = ToyTextKit.Registry.Make(id, kwargs);
        ToyTextKit.Reset(env, 0);
        var info = new EnvInfo();
        var seen = new HashSet<double>();
        for (var i = 0; i < 200; i++)
        {
            ToyTextKit.Step(env, i % 4, info);
            Assert.True(info.TryGet("prob", out var prob));
            seen.Add(prob.Float);
        }
        Assert.Equal(new HashSet<double> { intended, sideways }, seen);
    }

    [Fact]
    public void An_integer_rainy_probability_comes_back_as_an_integer_prob()
    {
        using var env = ToyTextKit.Make("Taxi-v4", """{"is_rainy": true, "rainy_probability": 1}""");
        ToyTextKit.Reset(env, 0);
        var info = new EnvInfo();
        ToyTextKit.Step(env, 1, info);
        Assert.True(info.TryGet("prob", out var prob));
        Assert.Equal((InfoKind.Integer, 1L), (prob.Kind, prob.Integer));
    }

    [Theory]
    [InlineData("Taxi-v3", "[42,62,82]")]
    [InlineData("Taxi-v4", "[42]")]
    public void In_the_rain_a_move_into_the_edge_slips_sideways_in_v3_only(string id, string statesSeen)
    {
        // Seed 3 starts the taxi in the top row (state 42: row 0, column 2). North is impossible there: v3 still
        // slips east or west one time in five, v4 (as Gymnasium 1.3.0 corrected it) stays put.
        using var env = ToyTextKit.Make(id, """{"is_rainy": true}""");
        var seen = new SortedSet<int> { int.Parse(ToyTextKit.Reset(env, 3), CultureInfo.InvariantCulture) };
        for (var i = 0; i < 30; i++)
        {
            seen.Add(int.Parse(ToyTextKit.Step(env, 1).Observation, CultureInfo.InvariantCulture));
        }
        Assert.Equal(statesSeen, $"[{string.Join(",", seen)}]");
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

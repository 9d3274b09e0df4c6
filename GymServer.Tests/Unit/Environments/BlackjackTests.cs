using GymServer.Engine.Environments;
using GymServer.Engine.Environments.ToyText;

namespace GymServer.Tests.Unit.Environments;

/// <summary>Blackjack's natural and sab options, and its rules around naturals and busts.</summary>
public sealed class BlackjackTests
{
    [Fact]
    public void Registration_follows_sutton_and_barto()
    {
        using var env = (Blackjack)ToyTextKit.Make("Blackjack-v1");
        Assert.True(env.Sab);
        Assert.False(env.Natural);
        using var casino = (Blackjack)ToyTextKit.Make("Blackjack-v1", """{"sab": false, "natural": true}""");
        Assert.False(casino.Sab);
        Assert.True(casino.Natural);
    }

    [Fact]
    public void A_winning_natural_pays_one_and_a_half_only_with_natural_and_without_sab()
    {
        var seed = FindSeed(reward => reward == 1.0, naturalAtReset: true);
        Assert.Equal(1.5, StickReward("""{"sab": false, "natural": true}""", seed));
        Assert.Equal(1.0, StickReward("""{"sab": false}""", seed));
        Assert.Equal(1.0, StickReward("""{"natural": true}""", seed)); // sab (registered) overrides natural
    }

    [Fact]
    public void Under_sab_a_natural_beats_a_dealer_twenty_one_that_is_not_natural()
    {
        var seed = FindSeed(reward => reward == 0.0, naturalAtReset: true, kwargs: """{"sab": false}""");
        Assert.Equal(0.0, StickReward("""{"sab": false}""", seed));
        Assert.Equal(1.0, StickReward("{}", seed));
    }

    [Fact]
    public void Hitting_past_a_bust_keeps_losing_without_failing()
    {
        using var env = ToyTextKit.Make("Blackjack-v1");
        ToyTextKit.Reset(env, 0);
        var busts = 0;
        for (var i = 0; i < 30; i++)
        {
            var (_, result) = ToyTextKit.Step(env, 1);
            busts += result.Terminated ? 1 : 0;
            Assert.Equal(result.Terminated ? -1.0 : 0.0, result.Reward);
        }
        Assert.True(busts > 20);
    }

    [Theory]
    [InlineData("""{"natural": "yes"}""")]
    [InlineData("""{"sab": 0}""")]
    public void Non_boolean_options_are_refused(string kwargs) => ToyTextKit.MakeFails("Blackjack-v1", kwargs);

    private static double StickReward(string kwargs, int seed)
    {
        using var env = ToyTextKit.Make("Blackjack-v1", kwargs);
        ToyTextKit.Reset(env, seed);
        return ToyTextKit.Step(env, 0).Result.Reward;
    }

    /// <summary>The first seed whose opening hand (natural or not) gets a reward the predicate wants on sticking.</summary>
    private static int FindSeed(Func<double, bool> wanted, bool naturalAtReset, string kwargs = """{"sab": false}""")
    {
        using var env = ToyTextKit.Make("Blackjack-v1", kwargs);
        for (var seed = 0; seed < 100_000; seed++)
        {
            var observation = ToyTextKit.Reset(env, seed);
            // At reset a sum of 21 with a usable ace is exactly an ace and a ten: a natural.
            if (observation.StartsWith("[21,", StringComparison.Ordinal) == naturalAtReset && wanted(ToyTextKit.Step(env, 0).Result.Reward))
            {
                return seed;
            }
        }
        throw new InvalidOperationException("no such seed below 100000");
    }
}

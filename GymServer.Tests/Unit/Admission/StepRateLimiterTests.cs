using GymServer.Engine.Environments;
using GymServer.Engine.Admission;
using GymServer.Tests.Infrastructure;

namespace GymServer.Tests.Unit.Admission;

/// <summary>The step token bucket, on a clock the test moves.</summary>
public sealed class StepRateLimiterTests
{
    [Fact]
    public void ABurstOfOneSecondThenTheRate()
    {
        var clock = new ManualClock();
        var limiter = new StepRateLimiter(10, clock);
        for (var i = 0; i < 10; i++)
        {
            limiter.Take(1);
        }
        Assert.Equal("rate_limited", Assert.Throws<EnvException>(() => limiter.Take(1)).Code);

        clock.Advance(TimeSpan.FromMilliseconds(300));
        for (var i = 0; i < 3; i++)
        {
            limiter.Take(1);
        }
        Assert.Throws<EnvException>(() => limiter.Take(1));

        // Idle time refills at most one second's worth.
        clock.Advance(TimeSpan.FromMinutes(5));
        for (var i = 0; i < 10; i++)
        {
            limiter.Take(1);
        }
        Assert.Throws<EnvException>(() => limiter.Take(1));
    }

    [Fact]
    public void AVectorStepLargerThanTheBucketPassesIntoDebtAndIsPaidBack()
    {
        var clock = new ManualClock();
        var limiter = new StepRateLimiter(4, clock);
        limiter.Take(16);
        Assert.Throws<EnvException>(() => limiter.Take(16));
        // 12 steps of debt at 4 a second: three seconds to be back at zero, then a little more to step again.
        clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Throws<EnvException>(() => limiter.Take(1));
        clock.Advance(TimeSpan.FromMilliseconds(250));
        limiter.Take(16);
    }
}

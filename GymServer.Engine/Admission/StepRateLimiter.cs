using GymServer.Engine.Environments;
using GymServer.Protocol;

namespace GymServer.Engine.Admission;

/// <summary>
/// A token bucket of env steps for one connection (<c>Gym:Node:MaxStepsPerSecond</c>): it holds at most one second of
/// steps and refills continuously. A step request past it is refused with <c>rate_limited</c> (not delayed: a delay
/// would hold the connection's read loop and hide the limit from the client, which can back off on the error).
/// </summary>
/// <remarks>
/// A vector step takes one token per sub-env. It is let through whenever the bucket is not empty and may leave it in
/// debt, so a vector env with more sub-envs than the rate can still step, at the rate on average.
/// </remarks>
public sealed class StepRateLimiter
{
    private readonly double _perSecond;
    private readonly TimeProvider _time;
    private double _tokens;
    private long _refilledAt;

    public StepRateLimiter(int stepsPerSecond, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stepsPerSecond, 1);
        _perSecond = stepsPerSecond;
        _time = time ?? TimeProvider.System;
        _tokens = stepsPerSecond;
        _refilledAt = _time.GetTimestamp();
    }

    /// <summary>Takes <paramref name="steps"/> tokens, or throws rate_limited when the bucket is empty.</summary>
    public void Take(int steps)
    {
        var now = _time.GetTimestamp();
        _tokens = Math.Min(_perSecond, _tokens + (_time.GetElapsedTime(_refilledAt, now).TotalSeconds * _perSecond));
        _refilledAt = now;
        if (_tokens <= 0)
        {
            throw new EnvException(EnvErrorCodes.RateLimited,
                $"more than {_perSecond} steps per second on this connection (Gym:Node:MaxStepsPerSecond); slow down and retry");
        }
        _tokens -= steps;
    }
}

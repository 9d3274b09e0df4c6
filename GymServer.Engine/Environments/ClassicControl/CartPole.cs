using System.Runtime.CompilerServices;
using System.Text.Json;
using GymServer.Engine.Rendering;
using GymServer.Engine.Rendering.ClassicControl;
using GymServer.Engine.Spaces;
using GymServer.Protocol.Values;
using static GymServer.Engine.Environments.ClassicControl.CartPoleSpec;

namespace GymServer.Engine.Environments.ClassicControl;

/// <summary>
/// CartPole-v0/v1 as Gymnasium 1.4.0 steps it: float64 state, explicit Euler, float32 observation. This is the
/// benchmark env, so its step does one length check, no virtual call of its own and no allocation.
/// </summary>
public sealed class CartPole : NativeEnv
{
    private readonly bool _suttonBartoReward;
    private double _x;
    private double _xDot;
    private double _theta;
    private double _thetaDot;

    /// <summary>Steps taken since the episode terminated; -1 while it has not (Gymnasium's None).</summary>
    private int _stepsBeyondTerminated = -1;

    public CartPole(EnvSpec spec, bool suttonBartoReward = false)
        : base(spec, CreateObservationSpace(), CreateActionSpace())
    {
        _suttonBartoReward = suttonBartoReward;
    }

    /// <summary>The cart's position (x), for the renderer.</summary>
    internal double CartPosition => _x;

    /// <summary>The pole's angle from upright (theta, radians), for the renderer.</summary>
    internal double PoleAngle => _theta;

    /// <summary>Makes the env from <c>gymnasium.make</c> keyword arguments (<c>sutton_barto_reward</c>).</summary>
    public static CartPole Create(EnvSpec spec, EnvKwargs kwargs) =>
        new(spec, kwargs.GetBool("sutton_barto_reward", false));

    protected override void ResetCore(JsonElement? options, Span<byte> observation, EnvInfo info)
    {
        var (low, high) = ResetBounds.Parse(options, DefaultResetLow, DefaultResetHigh);
        // uniform(low, high, size=(4,)): four draws in state order.
        var random = NpRandom;
        _x = random.Uniform(low, high);
        _xDot = random.Uniform(low, high);
        _theta = random.Uniform(low, high);
        _thetaDot = random.Uniform(low, high);
        _stepsBeyondTerminated = -1;
        WriteObservation(observation);
    }

    /// <summary>Checks Discrete(2) inline; anything else goes to the base class for its error.</summary>
    protected override void ValidateAction(ReadOnlySpan<byte> action)
    {
        if (action.Length != sizeof(long) || (ulong)Discrete.Read(action) > 1)
        {
            base.ValidateAction(action);
        }
    }

    protected override StepResult StepCore(ReadOnlySpan<byte> action, Span<byte> observation, EnvInfo info)
    {
        var force = Discrete.Read(action) == 1 ? ForceMagnitude : -ForceMagnitude;
        // numpy's float64 sin/cos are the C library's; Math.SinCos is the C library's sincos, one call for both,
        // bit-identical to sin and cos (a unit test holds it to that).
        var (sinTheta, cosTheta) = Math.SinCos(_theta);

        // Same operations in the same order as Gymnasium (np.square is x * x).
        var temp = (force + (PoleMassLength * (_thetaDot * _thetaDot) * sinTheta)) / TotalMass;
        var thetaAcc = ((Gravity * sinTheta) - (cosTheta * temp))
            / (Length * ((4.0 / 3.0) - (MassPole * (cosTheta * cosTheta) / TotalMass)));
        var xAcc = temp - (PoleMassLength * thetaAcc * cosTheta / TotalMass);

        _x += Tau * _xDot;
        _xDot += Tau * xAcc;
        _theta += Tau * _thetaDot;
        _thetaDot += Tau * thetaAcc;

        var terminated = _x < -XThreshold || _x > XThreshold
            || _theta < -ThetaThresholdRadians || _theta > ThetaThresholdRadians;
        WriteObservation(observation);
        return new StepResult(Reward(terminated), terminated, false);
    }

    private protected override FrameRenderer CreateRenderer() => new CartPoleRenderer(this);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Reward(bool terminated)
    {
        if (!terminated)
        {
            return _suttonBartoReward ? 0.0 : 1.0;
        }
        if (_stepsBeyondTerminated < 0)
        {
            _stepsBeyondTerminated = 0;
            return _suttonBartoReward ? -1.0 : 1.0;
        }
        // Stepping on after termination: Gymnasium warns and gives no reward (-1 under Sutton-Barto).
        _stepsBeyondTerminated++;
        return _suttonBartoReward ? -1.0 : 0.0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void WriteObservation(Span<byte> observation)
    {
        ref var start = ref Float32Observation.Start(observation, ObservationSize);
        Float32Observation.Set(ref start, 0, _x);
        Float32Observation.Set(ref start, 1, _xDot);
        Float32Observation.Set(ref start, 2, _theta);
        Float32Observation.Set(ref start, 3, _thetaDot);
    }
}

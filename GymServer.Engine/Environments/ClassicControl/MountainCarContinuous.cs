using System.Buffers.Binary;
using System.Text.Json;
using GymServer.Engine.Rendering;
using GymServer.Engine.Rendering.ClassicControl;
using GymServer.Protocol.Values;
using static GymServer.Engine.Environments.ClassicControl.MountainCarContinuousSpec;

namespace GymServer.Engine.Environments.ClassicControl;

/// <summary>
/// MountainCarContinuous-v0 as Gymnasium 1.4.0 steps it. The reset state is float64; every step stores a float32
/// state, and the next step computes from those float32 values in float64 (numpy 1.24's legacy promotion:
/// a float32 scalar with a Python float gives float64), so the state is rounded to float32 once per step.
/// </summary>
public sealed class MountainCarContinuous : NativeEnv
{
    private readonly double _goalVelocity;
    private double _position;
    private double _velocity;

    public MountainCarContinuous(EnvSpec spec, double goalVelocity = DefaultGoalVelocity)
        : base(spec, CreateObservationSpace(), CreateActionSpace())
    {
        _goalVelocity = goalVelocity;
    }

    /// <summary>Makes the env from <c>gymnasium.make</c> keyword arguments (<c>goal_velocity</c>).</summary>
    public static MountainCarContinuous Create(EnvSpec spec, EnvKwargs kwargs) =>
        new(spec, kwargs.GetDouble("goal_velocity", DefaultGoalVelocity));

    protected override void ResetCore(JsonElement? options, Span<byte> observation, EnvInfo info)
    {
        var (low, high) = ResetBounds.Parse(options, DefaultResetLow, DefaultResetHigh);
        _position = NpRandom.Uniform(low, high);
        _velocity = 0.0;
        WriteObservation(observation);
    }

    /// <summary>Out-of-range forces are clipped, as Gymnasium does; NaN, infinity or a wrong size are refused.</summary>
    protected override void ValidateAction(ReadOnlySpan<byte> action) => RequireFiniteBoxAction(action);

    protected override StepResult StepCore(ReadOnlySpan<byte> action, Span<byte> observation, EnvInfo info)
    {
        double requested = BinaryPrimitives.ReadSingleLittleEndian(action);
        var force = Math.Min(Math.Max(requested, MinAction), MaxAction);

        var velocity = _velocity + ((force * Power) - (Gravity * Math.Cos(3 * _position)));
        velocity = Math.Clamp(velocity, -MaxSpeed, MaxSpeed);
        var position = Math.Clamp(_position + velocity, MinPosition, MaxPosition);
        if (position == MinPosition && velocity < 0)
        {
            velocity = 0.0;
        }

        // Decided on the float64 values, before the state is stored as float32.
        var terminated = position >= GoalPosition && velocity >= _goalVelocity;
        var reward = (terminated ? GoalReward : 0.0) - (Math.Pow(requested, 2) * ActionCostFactor);

        _position = (float)position;
        _velocity = (float)velocity;
        WriteObservation(observation);
        return new StepResult(reward, terminated, false);
    }

    private protected override FrameRenderer CreateRenderer() =>
        new MountainCarRenderer(() => _position, MountainCarContinuousSpec.GoalPosition);

    private void WriteObservation(Span<byte> observation)
    {
        ref var start = ref Float32Observation.Start(observation, ObservationSize);
        Float32Observation.Set(ref start, 0, _position);
        Float32Observation.Set(ref start, 1, _velocity);
    }
}

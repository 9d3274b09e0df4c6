using System.Text.Json;
using GymServer.Engine.Rendering;
using GymServer.Engine.Rendering.ClassicControl;
using GymServer.Engine.Spaces;
using GymServer.Protocol.Values;
using static GymServer.Engine.Environments.ClassicControl.MountainCarSpec;

namespace GymServer.Engine.Environments.ClassicControl;

/// <summary>MountainCar-v0 as Gymnasium 1.4.0 steps it: float64 position and velocity, float32 observation.</summary>
public sealed class MountainCar : NativeEnv
{
    private readonly double _goalVelocity;
    private double _position;
    private double _velocity;

    public MountainCar(EnvSpec spec, double goalVelocity = DefaultGoalVelocity)
        : base(spec, CreateObservationSpace(), CreateActionSpace())
    {
        _goalVelocity = goalVelocity;
    }

    /// <summary>Makes the env from <c>gymnasium.make</c> keyword arguments (<c>goal_velocity</c>).</summary>
    public static MountainCar Create(EnvSpec spec, EnvKwargs kwargs) =>
        new(spec, kwargs.GetDouble("goal_velocity", DefaultGoalVelocity));

    protected override void ResetCore(JsonElement? options, Span<byte> observation, EnvInfo info)
    {
        var (low, high) = ResetBounds.Parse(options, DefaultResetLow, DefaultResetHigh);
        _position = NpRandom.Uniform(low, high);
        _velocity = 0.0;
        WriteObservation(observation);
    }

    protected override StepResult StepCore(ReadOnlySpan<byte> action, Span<byte> observation, EnvInfo info)
    {
        // velocity += (action - 1) * force + cos(3 * position) * (-gravity): the sum is formed first.
        var push = (Discrete.Read(action) - 1) * Force;
        _velocity += push + (Math.Cos(3 * _position) * -Gravity);
        _velocity = Math.Clamp(_velocity, -MaxSpeed, MaxSpeed);
        _position += _velocity;
        _position = Math.Clamp(_position, MinPosition, MaxPosition);
        if (_position == MinPosition && _velocity < 0)
        {
            _velocity = 0.0;
        }
        var terminated = _position >= GoalPosition && _velocity >= _goalVelocity;
        WriteObservation(observation);
        return new StepResult(-1.0, terminated, false);
    }

    private protected override FrameRenderer CreateRenderer() =>
        new MountainCarRenderer(() => _position, MountainCarSpec.GoalPosition);

    private void WriteObservation(Span<byte> observation)
    {
        ref var start = ref Float32Observation.Start(observation, ObservationSize);
        Float32Observation.Set(ref start, 0, _position);
        Float32Observation.Set(ref start, 1, _velocity);
    }
}

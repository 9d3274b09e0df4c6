using System.Numerics;
using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Engine.Spaces;
using GymServer.Engine.Wrappers;
using GymServer.Protocol.Spaces;
using GymServer.Protocol.Values;

namespace GymServer.Tests.Unit.Wrappers;

/// <summary>
/// An observation wrapper reads an env's held observation in place (the server's wrappers on a worker's reply): it
/// never asks for a copy, and sees each step's frame; a wrapper that keeps frames (FrameStackObservation) still gets
/// them copied.
/// </summary>
public sealed class HeldObservationTests
{
    [Fact]
    public void An_observation_wrapper_reads_the_held_frame_of_each_reset_and_step_without_a_copy()
    {
        var env = new HeldFrameEnv(copyAllowed: false);
        using var gray = new GrayscaleObservation(env, keepDim: false);
        var observation = new byte[gray.ObservationSpace.ByteSize];

        env.Frame = [10, 20, 30, 200, 100, 50];
        gray.Reset(null, null, observation, new EnvInfo());
        Assert.Equal([Luminance.Of(10, 20, 30), Luminance.Of(200, 100, 50)], observation);

        env.Frame = [255, 255, 255, 43, 43, 43];
        var result = gray.Step(new byte[8], observation, new EnvInfo());
        Assert.Equal([255, 42], observation);
        Assert.Equal(env.Steps * 1.5, result.Reward);
    }

    [Fact]
    public void A_frame_stack_on_a_held_observation_gets_copies_of_the_frames()
    {
        var env = new HeldFrameEnv(copyAllowed: true);
        using var stack = new FrameStackObservation(env, 2, null);
        var observation = new byte[stack.ObservationSpace.ByteSize];
        env.Frame = [1, 2, 3, 4, 5, 6];
        stack.Reset(null, null, observation, new EnvInfo());
        env.Frame = [7, 8, 9, 10, 11, 12];
        stack.Step(new byte[8], observation, new EnvInfo());
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], observation);
    }

    /// <summary>A 1x2 RGB frame the test sets, held as a worker's reply is; reward 1.5 a step.</summary>
    private sealed class HeldFrameEnv(bool copyAllowed) : IHeldObservationEnv
    {
        public byte[] Frame { get; set; } = new byte[6];

        public int Steps { get; private set; }

        public ReadOnlySpan<byte> HeldObservation => Frame;

        public EnvSpec Spec { get; } = new("HeldFrame-v0", MaxEpisodeSteps: null, RewardThreshold: null);

        public Space ObservationSpace { get; } = new Box(0, 255, [1, 2, 3], DType.UInt8);

        public Space ActionSpace { get; } = new Discrete(2);

        public void Reset(BigInteger? seed, JsonElement? options, EnvInfo info) => Steps = 0;

        public StepResult Step(ReadOnlySpan<byte> action, EnvInfo info) => new(++Steps * 1.5, false, false);

        public void Reset(BigInteger? seed, JsonElement? options, Span<byte> observation, EnvInfo info)
        {
            Reset(seed, options, info);
            Copy(observation);
        }

        public StepResult Step(ReadOnlySpan<byte> action, Span<byte> observation, EnvInfo info)
        {
            var result = Step(action, info);
            Copy(observation);
            return result;
        }

        public void Dispose()
        {
            // Nothing held but managed buffers.
        }

        private void Copy(Span<byte> observation)
        {
            Assert.True(copyAllowed, "the observation was copied out of the env that holds it");
            Frame.CopyTo(observation);
        }
    }
}

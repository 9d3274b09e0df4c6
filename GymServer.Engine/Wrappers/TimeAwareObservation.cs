using System.Buffers.Binary;
using System.Numerics;
using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Engine.Spaces;
using GymServer.Protocol;
using GymServer.Protocol.Spaces;
using GymServer.Protocol.Values;

namespace GymServer.Engine.Wrappers;

/// <summary>
/// Gymnasium's <c>TimeAwareObservation(env, flatten=True, normalize_time=False, dict_time_key="time")</c>: the
/// observation gains the steps taken since reset, as an int32 Box(0, max_episode_steps) of shape (1,), or with
/// <c>normalize_time</c> the float32 fraction t / max_episode_steps in a Box(0, 1). It joins a Dict observation
/// under <c>dict_time_key</c>, a Tuple as its last part, and anything else as <c>Dict(obs=..., time=...)</c>; with
/// <c>flatten</c> the result is flattened to one Box (see <see cref="SpaceFlattening"/>). max_episode_steps is the
/// spec's: the registered TimeLimit, or a TimeLimit wrapper's before this one.
/// </summary>
public sealed class TimeAwareObservation : ObservationWrapper
{
    private readonly Layout _layout;
    private readonly SpaceFlattening? _flattening;
    private readonly byte[] _joined;
    private readonly int _maxEpisodeSteps;
    private readonly bool _normalizeTime;
    private int _timesteps;

    private TimeAwareObservation(IEnv env, Layout layout, SpaceFlattening? flattening, int maxEpisodeSteps, bool normalizeTime)
        : base(env, flattening?.Space ?? layout.Space)
    {
        _layout = layout;
        _flattening = flattening;
        _joined = new byte[layout.Space.ByteSize];
        _maxEpisodeSteps = maxEpisodeSteps;
        _normalizeTime = normalizeTime;
    }

    public static TimeAwareObservation Create(IEnv env, EnvKwargs kwargs) =>
        Create(env, kwargs.GetBool("flatten", true), kwargs.GetBool("normalize_time", false), kwargs.GetString("dict_time_key", "time")!);

    public static TimeAwareObservation Create(IEnv env, bool flatten = true, bool normalizeTime = false, string dictTimeKey = "time")
    {
        var maxEpisodeSteps = env.Spec.MaxEpisodeSteps
            ?? throw WrapperRequirements.NotApplicable(
                nameof(TimeAwareObservation),
                "a max_episode_steps in the env's spec (put a TimeLimit before it)",
                "observation",
                env);
        Space time = normalizeTime ? new Box(0.0, 1.0, [1], DType.Float32) : new Box(0, maxEpisodeSteps, [1], DType.Int32);
        var layout = Layout.Join(env.ObservationSpace, time, dictTimeKey);
        return new TimeAwareObservation(env, layout, flatten ? new SpaceFlattening(layout.Space) : null, maxEpisodeSteps, normalizeTime);
    }

    public override void Reset(BigInteger? seed, JsonElement? options, Span<byte> observation, EnvInfo info)
    {
        _timesteps = 0;
        base.Reset(seed, options, observation, info);
    }

    public override StepResult Step(ReadOnlySpan<byte> action, Span<byte> observation, EnvInfo info)
    {
        // Counted before the observation is made, as Gymnasium counts; a step the env refuses is not counted.
        _timesteps++;
        try
        {
            return base.Step(action, observation, info);
        }
        catch
        {
            _timesteps--;
            throw;
        }
    }

    protected override void Observe(ReadOnlySpan<byte> inner, Span<byte> observation)
    {
        var joined = _flattening is null ? observation : _joined;
        _layout.Copy(inner, joined);
        var time = joined.Slice(_layout.TimeOffset, sizeof(int));
        if (_normalizeTime)
        {
            BinaryPrimitives.WriteSingleLittleEndian(time, (float)((double)_timesteps / _maxEpisodeSteps));
        }
        else
        {
            BinaryPrimitives.WriteInt32LittleEndian(time, _timesteps);
        }
        _flattening?.Flatten(joined, observation);
    }

    /// <summary>The joined space and where the wrapped observation's bytes and the time go in its values.</summary>
    private sealed class Layout(Space space, (int From, int To, int Length)[] copies, int timeOffset)
    {
        public Space Space { get; } = space;

        public int TimeOffset { get; } = timeOffset;

        public static Layout Join(Space observation, Space time, string dictTimeKey)
        {
            switch (observation)
            {
                case DictSpace dict:
                    if (dict.Keys.Contains(dictTimeKey))
                    {
                        throw new EnvException(EnvErrorCodes.InvalidArgument, $"dict_time_key '{dictTimeKey}' is already a key of the observation space");
                    }
                    // {dict_time_key: time, **obs} as a plain dict: Gymnasium sorts the keys.
                    var parts = dict.Keys.ToDictionary(key => key, key => dict[key]);
                    parts[dictTimeKey] = time;
                    var joined = new DictSpace(parts);
                    var copies = dict.Keys.Select(key => (dict.ElementRange(key).Start.Value, joined.ElementRange(key).Start.Value, dict[key].ByteSize));
                    return new Layout(joined, [.. copies], joined.ElementRange(dictTimeKey).Start.Value);
                case TupleSpace tuple:
                    return new Layout(new TupleSpace([.. tuple.Spaces, time]), [(0, 0, tuple.ByteSize)], tuple.ByteSize);
                default:
                    return new Layout(DictSpace.Ordered(("obs", observation), ("time", time)), [(0, 0, observation.ByteSize)], observation.ByteSize);
            }
        }

        public void Copy(ReadOnlySpan<byte> observation, Span<byte> joined)
        {
            foreach (var (from, to, length) in copies)
            {
                observation.Slice(from, length).CopyTo(joined[to..]);
            }
        }
    }
}

using System.Buffers;
using System.Diagnostics;
using System.Numerics;
using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Protocol;
using GymServer.Protocol.Values;

namespace GymServer.Engine.Wrappers;

/// <summary>
/// Gymnasium's <c>RecordEpisodeStatistics(env, buffer_length=100, stats_key="episode")</c>: on the step that ends
/// an episode (terminated or truncated), the info gains <c>{stats_key: {"r": return, "l": length, "t": seconds}}</c>,
/// the float sum of the rewards since reset, the number of steps, and the wall-clock time since reset (or since the
/// previous episode's end), rounded to microseconds. <c>buffer_length</c> sizes Gymnasium's queues of past
/// episodes, which only a Python caller can read: it is checked and has no other effect here.
/// </summary>
public sealed class RecordEpisodeStatistics : EnvWrapper
{
    private readonly string _statsKey;
    private readonly ArrayBufferWriter<byte> _json = new(64);
    private readonly Utf8JsonWriter _writer;
    private double _return;
    private long _length;
    private long _start;

    public RecordEpisodeStatistics(IEnv env, string statsKey = DefaultStatsKey)
        : base(env)
    {
        for (var inner = env; inner is EnvWrapper wrapper; inner = wrapper.Env)
        {
            if (inner is RecordEpisodeStatistics { _statsKey: var key } && key == statsKey)
            {
                throw new EnvException(
                    EnvErrorCodes.InvalidArgument,
                    $"an earlier RecordEpisodeStatistics already writes the info key '{statsKey}': give this one another stats_key");
            }
        }
        _statsKey = statsKey;
        _writer = new Utf8JsonWriter(_json);
        _start = Stopwatch.GetTimestamp();
    }

    public const string DefaultStatsKey = "episode";

    public static RecordEpisodeStatistics Create(IEnv env, EnvKwargs kwargs)
    {
        kwargs.GetInt("buffer_length", 100, minimum: 0);
        return new RecordEpisodeStatistics(env, kwargs.GetString("stats_key", DefaultStatsKey)!);
    }

    public override void Reset(BigInteger? seed, JsonElement? options, Span<byte> observation, EnvInfo info)
    {
        Env.Reset(seed, options, observation, info);
        _start = Stopwatch.GetTimestamp();
        _return = 0;
        _length = 0;
    }

    public override StepResult Step(ReadOnlySpan<byte> action, Span<byte> observation, EnvInfo info)
    {
        var result = Env.Step(action, observation, info);
        _return += result.Reward;
        _length++;
        if (result.Done)
        {
            if (info.TryGet(_statsKey, out _))
            {
                throw new EnvException(EnvErrorCodes.EnvError, $"{Spec.Id}'s info already has the key '{_statsKey}' RecordEpisodeStatistics writes");
            }
            var now = Stopwatch.GetTimestamp();
            WriteStatistics(Math.Round(Stopwatch.GetElapsedTime(_start, now).TotalSeconds, 6));
            info.AddRawJson(_statsKey, _json);
            _start = now;
        }
        return result;
    }

    /// <summary>The statistics as Python's json writes Gymnasium's dict: "r" and "t" floats, "l" an int.</summary>
    private void WriteStatistics(double seconds)
    {
        _json.ResetWrittenCount();
        _writer.Reset(_json);
        _writer.WriteStartObject();
        _writer.WritePropertyName("r"u8);
        PythonJson.WriteFloat(_writer, _return);
        _writer.WriteNumber("l"u8, _length);
        _writer.WritePropertyName("t"u8);
        PythonJson.WriteFloat(_writer, seconds);
        _writer.WriteEndObject();
        _writer.Flush();
    }
}

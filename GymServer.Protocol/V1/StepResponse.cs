using System.Buffers;
using System.Text.Json;
using GymServer.Protocol.Spaces;
using GymServer.Protocol.Values;

namespace GymServer.Protocol.V1;

/// <summary>
/// Reply to <see cref="StepRequest"/>: <c>{"observation":[..],"reward":1.0,"done":false,"info":{}}</c>.
/// <c>done</c> is Gymnasium's terminated or truncated. When episode statistics are on, the last step of an episode
/// carries them in <c>info.episode</c>.
/// </summary>
public readonly ref struct StepResponse(
    SpaceDescription observationSpace,
    ReadOnlySpan<byte> observation,
    StepResult result,
    bool integerRewards,
    EnvInfo info,
    EpisodeSummary? episode)
{
    private readonly SpaceDescription _observationSpace = observationSpace;
    private readonly ReadOnlySpan<byte> _observation = observation;
    private readonly StepResult _result = result;
    private readonly bool _integerRewards = integerRewards;
    private readonly EnvInfo _info = info;
    private readonly EpisodeSummary? _episode = episode;

    /// <summary>Writes the reply; <paramref name="body"/> is where <paramref name="writer"/> writes, if the caller has it
    /// (see <see cref="ProtocolValues.Write"/>).</summary>
    public void WriteTo(Utf8JsonWriter writer, IBufferWriter<byte>? body = null)
    {
        writer.WriteStartObject();
        writer.WritePropertyName(ProtocolNames.Observation);
        ProtocolValues.Write(_observationSpace, _observation, writer, body);
        writer.WritePropertyName(ProtocolNames.Reward);
        PythonJson.WriteReward(writer, _result, _integerRewards);
        writer.WriteBoolean(ProtocolNames.Done, _result.Done);
        writer.WritePropertyName(ProtocolNames.Info);
        WriteInfo(writer);
        writer.WriteEndObject();
    }

    private void WriteInfo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        _info.WriteEntries(writer, PythonJson.WriteFloat);
        if (_episode is EpisodeSummary episode)
        {
            writer.WriteStartObject(ProtocolNames.Episode);
            writer.WritePropertyName(ProtocolNames.EpisodeReturn);
            PythonJson.WriteFloat(writer, episode.Return);
            writer.WriteNumber(ProtocolNames.EpisodeLength, episode.Length);
            writer.WritePropertyName(ProtocolNames.EpisodeTime);
            PythonJson.WriteFloat(writer, episode.Seconds);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }
}

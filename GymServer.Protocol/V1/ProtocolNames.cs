using System.Text.Json;

namespace GymServer.Protocol.V1;

/// <summary>The JSON member names of protocol 1, encoded once so reading and writing never re-encode them.</summary>
public static class ProtocolNames
{
    // Commands and their arguments.
    public static readonly JsonEncodedText Env = JsonEncodedText.Encode("env");
    public static readonly JsonEncodedText Step = JsonEncodedText.Encode("step");
    public static readonly JsonEncodedText Server = JsonEncodedText.Encode("server");
    public static readonly JsonEncodedText RecordEpisodeStats = JsonEncodedText.Encode("record_episode_stats");
    public static readonly JsonEncodedText Url = JsonEncodedText.Encode("url");
    public static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    public static readonly JsonEncodedText Action = JsonEncodedText.Encode("action");
    public static readonly JsonEncodedText ActionSpace = JsonEncodedText.Encode("actionspace");
    public static readonly JsonEncodedText Seed = JsonEncodedText.Encode("seed");
    public static readonly JsonEncodedText Render = JsonEncodedText.Encode("render");
    public static readonly JsonEncodedText Compression = JsonEncodedText.Encode("compression");
    public static readonly JsonEncodedText Protocol = JsonEncodedText.Encode("protocol");
    public static readonly JsonEncodedText Encoding = JsonEncodedText.Encode("encoding");
    public static readonly JsonEncodedText Codecs = JsonEncodedText.Encode("codecs");
    public static readonly JsonEncodedText Codec = JsonEncodedText.Encode("codec");

    // Replies.
    public static readonly JsonEncodedText Instance = JsonEncodedText.Encode("instance");
    public static readonly JsonEncodedText Gymnasium = JsonEncodedText.Encode("gymnasium");
    public static readonly JsonEncodedText Observation = JsonEncodedText.Encode("observation");
    public static readonly JsonEncodedText Reward = JsonEncodedText.Encode("reward");
    public static readonly JsonEncodedText Done = JsonEncodedText.Encode("done");
    public static readonly JsonEncodedText Info = JsonEncodedText.Encode("info");
    public static readonly JsonEncodedText Sample = JsonEncodedText.Encode("sample");
    public static readonly JsonEncodedText Error = JsonEncodedText.Encode("error");
    public static readonly JsonEncodedText Code = JsonEncodedText.Encode("code");
    public static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");

    // Space descriptions.
    public static readonly JsonEncodedText N = JsonEncodedText.Encode("n");
    public static readonly JsonEncodedText Shape = JsonEncodedText.Encode("shape");
    public static readonly JsonEncodedText Low = JsonEncodedText.Encode("low");
    public static readonly JsonEncodedText High = JsonEncodedText.Encode("high");
    public static readonly JsonEncodedText Spaces = JsonEncodedText.Encode("spaces");

    // Episode statistics in a step's info, as Gymnasium's RecordEpisodeStatistics writes them.
    public static readonly JsonEncodedText Episode = JsonEncodedText.Encode("episode");
    public static readonly JsonEncodedText EpisodeReturn = JsonEncodedText.Encode("r");
    public static readonly JsonEncodedText EpisodeLength = JsonEncodedText.Encode("l");
    public static readonly JsonEncodedText EpisodeTime = JsonEncodedText.Encode("t");
}

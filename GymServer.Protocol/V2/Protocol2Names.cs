using System.Text.Json;

namespace GymServer.Protocol.V2;

/// <summary>The JSON member names of protocol 2 (Gymnasium's words, snake_case), encoded once.</summary>
public static class Protocol2Names
{
    // Commands.
    public const string Server = "server";
    public const string Make = "make";
    public const string Reset = "reset";
    public const string Step = "step";
    public const string Close = "close";
    public const string Sample = "sample";
    public const string ListEnvs = "list_envs";
    public const string MakeVec = "make_vec";
    public const string ResetVec = "reset_vec";
    public const string StepVec = "step_vec";
    public const string Record = "record";

    // Arguments.
    public const string Protocol = "protocol";
    public const string Encoding = "encoding";
    public const string Codecs = "codecs";
    public const string Id = "id";
    public const string Kwargs = "kwargs";
    public const string RenderMode = "render_mode";
    public const string Wrappers = "wrappers";
    public const string Preset = "preset";
    public const string Instance = "instance";
    public const string Seed = "seed";
    public const string Options = "options";
    public const string Action = "action";
    public const string All = "all";
    public const string NumEnvs = "num_envs";
    public const string Actions = "actions";
    public const string Video = "video";

    // Replies.
    public static readonly JsonEncodedText InstanceName = JsonEncodedText.Encode(Instance);
    public static readonly JsonEncodedText IdName = JsonEncodedText.Encode(Id);
    public static readonly JsonEncodedText Backend = JsonEncodedText.Encode("backend");
    public static readonly JsonEncodedText Gymnasium = JsonEncodedText.Encode("gymnasium");
    public static readonly JsonEncodedText DeprecatedBy = JsonEncodedText.Encode("deprecated_by");
    public static readonly JsonEncodedText ObservationSpace = JsonEncodedText.Encode("observation_space");
    public static readonly JsonEncodedText ActionSpace = JsonEncodedText.Encode("action_space");
    public static readonly JsonEncodedText Observation = JsonEncodedText.Encode("observation");
    public static readonly JsonEncodedText Reward = JsonEncodedText.Encode("reward");
    public static readonly JsonEncodedText Terminated = JsonEncodedText.Encode("terminated");
    public static readonly JsonEncodedText Truncated = JsonEncodedText.Encode("truncated");
    public static readonly JsonEncodedText Info = JsonEncodedText.Encode("info");
    public static readonly JsonEncodedText SampleName = JsonEncodedText.Encode(Sample);
    public static readonly JsonEncodedText Envs = JsonEncodedText.Encode("envs");
    public static readonly JsonEncodedText Unavailable = JsonEncodedText.Encode("unavailable");
    public static readonly JsonEncodedText Ok = JsonEncodedText.Encode("ok");
    public static readonly JsonEncodedText NumEnvsName = JsonEncodedText.Encode(NumEnvs);
    public static readonly JsonEncodedText SingleObservationSpace = JsonEncodedText.Encode("single_observation_space");
    public static readonly JsonEncodedText SingleActionSpace = JsonEncodedText.Encode("single_action_space");
    public static readonly JsonEncodedText Observations = JsonEncodedText.Encode("observations");
    public static readonly JsonEncodedText Rewards = JsonEncodedText.Encode("rewards");
    public static readonly JsonEncodedText Infos = JsonEncodedText.Encode("infos");
    public static readonly JsonEncodedText Url = JsonEncodedText.Encode("url");
    public static readonly JsonEncodedText VideoName = JsonEncodedText.Encode(Video);
}

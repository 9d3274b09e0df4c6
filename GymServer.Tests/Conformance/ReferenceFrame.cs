using System.Numerics;
using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Engine.Rendering;
using GymServer.Protocol.Values;
using GymServer.Tests.Infrastructure;

namespace GymServer.Tests.Conformance;

/// <summary>
/// One entry of <c>frames/frames.json</c>: an env, the seed it was reset with, the actions taken since, and the
/// PNG Gymnasium rendered then.
/// </summary>
public sealed record ReferenceFrame(string EnvId, long Seed, int Step, string ImagePath, FrameShape Shape, JsonElement Actions, JsonElement Observation)
{
    public string Name => $"{EnvId}_{Step}";

    public static IReadOnlyList<ReferenceFrame> LoadAll()
    {
        var path = Path.Combine(RepositoryPaths.ConformanceDirectory, "frames", "frames.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("frames").EnumerateArray().Select(Parse).ToList();
    }

    public static ReferenceFrame Find(string name) => LoadAll().Single(frame => frame.Name == name);

    public RgbImage LoadImage() => RgbImage.DecodePng(ImagePath);

    /// <summary>
    /// Makes the env with render_mode rgb_array, resets it with the seed and replays the actions; returns the env
    /// and its last observation.
    /// </summary>
    public (IEnv Env, byte[] Observation) Replay(EnvRegistry registry)
    {
        var env = registry.Make(EnvId, renderMode: RenderModes.RgbArrayName);
        var observation = new byte[env.ObservationSpace.ByteSize];
        env.Reset(new BigInteger(Seed), null, observation, new EnvInfo());
        var action = new byte[env.ActionSpace.ByteSize];
        foreach (var taken in Actions.EnumerateArray())
        {
            env.ActionSpace.ReadValue(taken, action);
            env.Step(action, observation, new EnvInfo());
        }
        return (env, observation);
    }

    private static ReferenceFrame Parse(JsonElement entry)
    {
        var shape = entry.GetProperty("image_shape");
        return new ReferenceFrame(
            entry.GetProperty("env_id").GetString()!,
            entry.GetProperty("seed").GetInt64(),
            entry.GetProperty("step").GetInt32(),
            Path.Combine(RepositoryPaths.ConformanceDirectory, entry.GetProperty("file").GetString()!),
            new FrameShape(shape[0].GetInt32(), shape[1].GetInt32()),
            entry.GetProperty("actions_taken").Clone(),
            entry.GetProperty("obs").Clone());
    }
}

using System.Numerics;
using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Engine.Spaces;
using GymServer.Protocol;
using GymServer.Protocol.Values;

namespace GymServer.Tests.Unit.Environments;

/// <summary>Makes toy-text envs by id with JSON kwargs and drives them with Discrete actions.</summary>
internal static class ToyTextKit
{
    public static readonly EnvRegistry Registry = NativeEnvironments.CreateRegistry();

    public static IEnv Make(string id, string kwargsJson = "{}") => Registry.Make(id, Kwargs(kwargsJson));

    public static Dictionary<string, JsonElement> Kwargs(string json) =>
        JsonDocument.Parse(json).RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());

    public static EnvException MakeFails(string id, string kwargsJson)
    {
        var error = Assert.Throws<EnvException>(() => Make(id, kwargsJson));
        Assert.Equal(EnvErrorCodes.InvalidArgument, error.Code);
        return error;
    }

    /// <summary>Resets and returns the observation as JSON (an int, or a list for Blackjack).</summary>
    public static string Reset(IEnv env, BigInteger? seed, EnvInfo? info = null)
    {
        var observation = new byte[env.ObservationSpace.ByteSize];
        env.Reset(seed, null, observation, info ?? new EnvInfo());
        return env.ObservationSpace.ValueJson(observation);
    }

    public static (string Observation, StepResult Result) Step(IEnv env, long action, EnvInfo? info = null)
    {
        var observation = new byte[env.ObservationSpace.ByteSize];
        var encoded = new byte[sizeof(long)];
        Discrete.Write(encoded, action);
        var result = env.Step(encoded, observation, info ?? new EnvInfo());
        return (env.ObservationSpace.ValueJson(observation), result);
    }

    /// <summary>Runs seeded episodes with actions from a fixed generator and writes down everything seen.</summary>
    public static List<string> Trajectory(IEnv env, BigInteger seed, int steps)
    {
        var actions = new System.Random(7);
        var seen = new List<string> { Reset(env, seed) };
        for (var i = 0; i < steps; i++)
        {
            var (observation, result) = Step(env, actions.Next((int)((Discrete)env.ActionSpace).N));
            seen.Add($"{observation} {result}");
            if (result.Done)
            {
                seen.Add(Reset(env, null));
            }
        }
        return seen;
    }
}

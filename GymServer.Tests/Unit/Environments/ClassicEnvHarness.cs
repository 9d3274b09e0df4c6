using System.Buffers.Binary;
using System.Numerics;
using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Engine.Spaces;
using GymServer.Protocol.Values;

namespace GymServer.Tests.Unit.Environments;

/// <summary>Makes classic-control envs from the real registry and drives them with plain byte buffers.</summary>
internal static class ClassicEnvHarness
{
    public static readonly string[] Ids =
        ["CartPole-v0", "CartPole-v1", "MountainCar-v0", "MountainCarContinuous-v0", "Pendulum-v1", "Acrobot-v1"];

    private static readonly EnvRegistry Registry = NativeEnvironments.CreateRegistry();

    public static TheoryData<string> AllIds() => new(Ids);

    /// <summary>Makes an env; kwargs as a JSON object, e.g. <c>{"g": 9.81}</c>.</summary>
    public static IEnv Make(string id, string? kwargsJson = null)
    {
        if (kwargsJson is null)
        {
            return Registry.Make(id);
        }
        using var document = JsonDocument.Parse(kwargsJson);
        var kwargs = document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
        return Registry.Make(id, kwargs);
    }

    public static float[] Reset(IEnv env, BigInteger? seed, string? optionsJson = null)
    {
        var observation = new byte[env.ObservationSpace.ByteSize];
        using var document = optionsJson is null ? null : JsonDocument.Parse(optionsJson);
        env.Reset(seed, document?.RootElement, observation, new EnvInfo());
        return Floats(observation);
    }

    public static (float[] Observation, StepResult Result) Step(IEnv env, byte[] action)
    {
        var observation = new byte[env.ObservationSpace.ByteSize];
        var result = env.Step(action, observation, new EnvInfo());
        return (Floats(observation), result);
    }

    /// <summary>An action value: an int64 for Discrete, one float32 for a Box of shape (1,).</summary>
    public static byte[] Action(IEnv env, double value)
    {
        var action = new byte[env.ActionSpace.ByteSize];
        if (env.ActionSpace is Discrete)
        {
            Discrete.Write(action, (long)value);
        }
        else
        {
            BinaryPrimitives.WriteSingleLittleEndian(action, (float)value);
        }
        return action;
    }

    /// <summary>A valid random action drawn from <paramref name="random"/> (not the space's own generator).</summary>
    public static byte[] RandomAction(IEnv env, System.Random random) => env.ActionSpace switch
    {
        Discrete discrete => Action(env, random.NextInt64(discrete.N)),
        Box box => Action(env, box.Low[0] + ((box.High[0] - box.Low[0]) * random.NextDouble())),
        _ => throw new InvalidOperationException("unexpected action space"),
    };

    public static float[] Floats(byte[] observation)
    {
        var values = new float[observation.Length / sizeof(float)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(observation.AsSpan(i * sizeof(float)));
        }
        return values;
    }

    public static EnvException Refused(Action action) => Assert.Throws<EnvException>(action);
}

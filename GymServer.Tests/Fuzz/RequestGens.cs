using CsCheck;

namespace GymServer.Tests.Fuzz;

/// <summary>
/// Generators of request lines of every message type of protocols 1 and 2, with arguments drawn from valid values and
/// from <see cref="JsonGens"/>. Protocol-2 lines name the instances the harness made ("$single", "$vec"), or others.
/// </summary>
public static class RequestGens
{
    public const string SingleInstance = "$single";
    public const string VectorInstance = "$vec";

    public static readonly Gen<string> EnvId = Gen.OneOf(
        "CartPole-v1", "Pendulum-v1", "MountainCarContinuous-v0", "MountainCar-v0", "Acrobot-v1", "FrozenLake-v1",
        "Taxi-v3", "Blackjack-v1");

    private static readonly Gen<string> IdValue = Gen.Frequency(
        (6, EnvId.Select(id => $"\"{id}\"")),
        (1, Gen.OneOf("\"native:CartPole-v1\"", "\"python:CartPole-v1\"", "\"os:System-v0\"", "\"CartPol-v1\"", "\"\"")),
        (1, JsonGens.Value));

    private static readonly Gen<string> Action = Gen.Frequency(
        (4, Gen.Int[0, 3].Select(value => value.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        (2, Gen.Double[-3, 3].Array[1, 3].Select(values => "[" + string.Join(",", values.Select(value => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture))) + "]")),
        (4, JsonGens.Value));

    private static readonly Gen<string> Instance = Gen.Frequency(
        (6, Gen.Const($"\"{SingleInstance}\"")),
        (3, Gen.Const($"\"{VectorInstance}\"")),
        (1, Gen.OneOf(Gen.Const("\"0000000000000\""), JsonGens.Value)));

    private static readonly Gen<string> Seed = Gen.Frequency((3, Gen.Int[0, 1000].Select(seed => seed.ToString(System.Globalization.CultureInfo.InvariantCulture))), (2, JsonGens.Value));

    /// <summary>A protocol-1 request line (the handshake included).</summary>
    public static readonly Gen<string> Protocol1 = Gen.Frequency(
        (2, IdValue.Select(id => $"{{\"env\":{{\"name\":{id}}}}}")),
        (3, Gen.Frequency((4, Gen.OneOf("\"reset\"", "\"close\"", "\"actionspace\"", "\"observationspace\"")), (1, JsonGens.Value))
            .Select(action => $"{{\"env\":{{\"action\":{action}}}}}")),
        (8, Gen.Select(Action, Gen.OneOf(Gen.OneOf("0", "1", "true"), JsonGens.Value)).Select((action, render) => $"{{\"step\":{{\"action\":{action},\"render\":{render}}}}}")),
        (1, Action.Select(action => $"{{\"step\":{{\"action\":{action}}}}}")),
        (2, Gen.OneOf(Gen.Const("\"sample\""), JsonGens.Value).Select(sample => $"{{\"env\":{{\"actionspace\":{sample}}}}}")),
        (2, Gen.OneOf(Seed.Select(seed => $"\"{seed}\""), Seed).Select(seed => $"{{\"env\":{{\"seed\":{seed}}}}}")),
        (1, Gen.OneOf(Gen.Const("\"start\""), JsonGens.Value).Select(action => $"{{\"record_episode_stats\":{{\"action\":{action}}}}}")),
        (1, Gen.OneOf(Gen.OneOf("\"0\"", "\"1\"", "\"9\"", "\"10\"", "5"), JsonGens.Value).Select(level => $"{{\"server\":{{\"compression\":{level}}}}}")),
        (1, Gen.OneOf(Gen.Const("\"url\""), JsonGens.Value).Select(action => $"{{\"url\":{{\"action\":{action}}}}}")),
        (1, Gen.OneOf(Gen.OneOf("1", "2", "3"), JsonGens.Value).Select(version => $"{{\"server\":{{\"protocol\":{version}}}}}")),
        (1, JsonGens.Value),
        (1, Gen.Select(JsonGens.String, JsonGens.Object).Select((command, arguments) => $"{{{command}:{arguments}}}")));

    /// <summary>A protocol-2 request line.</summary>
    public static readonly Gen<string> Protocol2 = Gen.Frequency(
        (2, Gen.Select(IdValue, Gen.OneOf(JsonGens.Object, JsonGens.Value), Gen.OneOf("null", "\"rgb_array\"", "\"human\"", "3"))
            .Select((id, kwargs, mode) => $"{{\"make\":{{\"id\":{id},\"kwargs\":{kwargs},\"render_mode\":{mode}}}}}")),
        (1, IdValue.Select(id => $"{{\"make\":{{\"id\":{id}}}}}")),
        (3, Gen.Select(Instance, Seed, Gen.OneOf(Gen.Const("null"), JsonGens.Object)).Select((instance, seed, options) => $"{{\"reset\":{{\"instance\":{instance},\"seed\":{seed},\"options\":{options}}}}}")),
        (8, Gen.Select(Instance, Action).Select((instance, action) => $"{{\"step\":{{\"instance\":{instance},\"action\":{action}}}}}")),
        (1, Instance.Select(instance => $"{{\"sample\":{{\"instance\":{instance}}}}}")),
        (1, Gen.OneOf(Instance.Select(instance => $"{{\"instance\":{instance}}}"), JsonGens.Value.Select(all => $"{{\"all\":{all}}}")).Select(arguments => $"{{\"close\":{arguments}}}")),
        (1, Gen.OneOf(Gen.Const("{}"), JsonGens.Object).Select(arguments => $"{{\"list_envs\":{arguments}}}")),
        (1, Gen.Select(IdValue, Gen.OneOf(Gen.Int[0, 4].Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), JsonGens.Value)).Select((id, count) => $"{{\"make_vec\":{{\"id\":{id},\"num_envs\":{count}}}}}")),
        (2, Gen.Select(Instance, Seed).Select((instance, seed) => $"{{\"reset_vec\":{{\"instance\":{instance},\"seed\":{seed}}}}}")),
        (5, Gen.Select(Instance, Action.Array[0, 3]).Select((instance, actions) => $"{{\"step_vec\":{{\"instance\":{instance},\"actions\":[{string.Join(",", actions)}]}}}}")),
        (1, Gen.OneOf(Gen.OneOf("1", "2", "3"), JsonGens.Value).Select(version => $"{{\"server\":{{\"protocol\":{version}}}}}")),
        (1, Protocol1),
        (1, JsonGens.Value));
}

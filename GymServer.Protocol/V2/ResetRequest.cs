using System.Numerics;
using System.Text.Json;

namespace GymServer.Protocol.V2;

/// <summary>
/// <c>{"reset":{"instance":"3f2a9c0d1b7e4","seed":3,"options":{"low":-0.1,"high":0.1}}}</c>: Gymnasium's
/// <c>env.reset(seed=.., options=..)</c>. Replies <see cref="ResetResponse"/>. <c>reset_vec</c> takes the same
/// arguments and replies <see cref="VecResetResponse"/>.
/// </summary>
/// <param name="Instance">The env's instance id.</param>
/// <param name="Seed">The seed, or null to continue the env's generator.</param>
/// <param name="Options">The reset options, or null; valid while the request is.</param>
public sealed record ResetRequest(string Instance, BigInteger? Seed, JsonElement? Options)
{
    /// <summary>Reads the arguments of reset, or of reset_vec (<paramref name="command"/>), which has the same ones.</summary>
    public static ResetRequest Read(JsonElement arguments, string command = Protocol2Names.Reset)
    {
        Arguments.OnlyKnown(arguments, command, Protocol2Names.Instance, Protocol2Names.Seed, Protocol2Names.Options);
        return new ResetRequest(
            Arguments.RequiredString(arguments, command, Protocol2Names.Instance),
            Arguments.OptionalSeed(arguments, command, Protocol2Names.Seed),
            Arguments.OptionalObject(arguments, command, Protocol2Names.Options));
    }
}

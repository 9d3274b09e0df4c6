using System.Numerics;

namespace GymServer.Protocol.V1;

/// <summary>
/// <c>{"env":{"seed":"3"}}</c>: the next reset is <c>reset(seed=3)</c>. The seed is a string of decimal digits, as
/// the C++ client sends it (a JSON integer is accepted too); it must not be negative, as in Gymnasium.
/// </summary>
/// <param name="Seed">The seed for the next reset.</param>
public readonly record struct SeedRequest(BigInteger Seed);

using System.Text.Json;

namespace GymServer.Client;

/// <summary>What a vector env's reset returns: one observation and one info per sub-env.</summary>
/// <param name="Observations">Sub-env i's observation, a value of the single observation space.</param>
/// <param name="Infos">Sub-env i's info object.</param>
public sealed record VectorResetResult(object[] Observations, JsonElement[] Infos);

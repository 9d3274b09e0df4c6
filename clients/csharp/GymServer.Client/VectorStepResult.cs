using System.Text.Json;

namespace GymServer.Client;

/// <summary>
/// What a vector env's step returns, one entry per sub-env. With next-step autoreset, a sub-env that ended on the
/// previous step was reset instead of stepped: its entry is the reset's observation, reward 0 and both flags false.
/// </summary>
/// <param name="Observations">Sub-env i's observation, a value of the single observation space.</param>
/// <param name="Rewards">Sub-env i's reward.</param>
/// <param name="Terminated">Whether sub-env i reached a terminal state.</param>
/// <param name="Truncated">Whether sub-env i's episode was cut short.</param>
/// <param name="Infos">Sub-env i's info object.</param>
public sealed record VectorStepResult(object[] Observations, double[] Rewards, bool[] Terminated, bool[] Truncated, JsonElement[] Infos);

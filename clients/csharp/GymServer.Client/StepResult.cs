using System.Text.Json;

namespace GymServer.Client;

/// <summary>What <c>env.step(action)</c> returns.</summary>
/// <param name="Observation">A value of the env's observation space (see <see cref="Spaces.Space"/> for its .NET type).</param>
/// <param name="Reward">The step's reward.</param>
/// <param name="Terminated">The env reached a terminal state (the pole fell, the agent reached the goal).</param>
/// <param name="Truncated">The episode was cut short (the registration's time limit).</param>
/// <param name="Info">The env's info object.</param>
public sealed record StepResult(object Observation, double Reward, bool Terminated, bool Truncated, JsonElement Info);

using System.Text.Json;

namespace GymServer.Client;

/// <summary>What <c>env.reset()</c> returns: the first observation and the info dict.</summary>
/// <param name="Observation">A value of the env's observation space (see <see cref="Spaces.Space"/> for its .NET type).</param>
/// <param name="Info">The env's info object.</param>
public sealed record ResetResult(object Observation, JsonElement Info);

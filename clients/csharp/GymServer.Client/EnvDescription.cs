using GymServer.Client.Spaces;

namespace GymServer.Client;

/// <summary>An env id the server serves, as <c>list_envs</c> describes it.</summary>
/// <param name="Id">The Gymnasium id.</param>
/// <param name="Backend">"native" (the server's own C# envs) or "python" (a worker).</param>
/// <param name="ObservationSpace">The observation space of the env made without keyword arguments.</param>
/// <param name="ActionSpace">The action space of the env made without keyword arguments.</param>
public sealed record EnvDescription(string Id, string Backend, Space ObservationSpace, Space ActionSpace);

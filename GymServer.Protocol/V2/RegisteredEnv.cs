namespace GymServer.Protocol.V2;

/// <summary>One entry of <see cref="ListEnvsResponse"/>: an env id, its backend, and its spaces' descriptions.</summary>
/// <param name="Id">The env id, as make takes it.</param>
/// <param name="Backend">The backend that serves it ("native", "python").</param>
/// <param name="ObservationSpace">The observation space's description, as JSON.</param>
/// <param name="ActionSpace">The action space's description, as JSON.</param>
public sealed record RegisteredEnv(string Id, string Backend, string ObservationSpace, string ActionSpace);

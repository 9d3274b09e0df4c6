namespace GymServer.Protocol.V1;

/// <summary>
/// <c>{"env":{"name":"CartPole-v1"}}</c>: make an env of this id, closing the connection's previous env first.
/// The id may carry a backend prefix, <c>native:</c> or <c>python:</c>. Reply compression goes back to off.
/// </summary>
/// <param name="EnvId">The Gymnasium id, with its optional backend prefix.</param>
public readonly record struct MakeEnvRequest(string EnvId);

namespace GymServer.Engine.Environments;

/// <summary>One id of the registry: its spec and how to make it from keyword arguments.</summary>
public sealed record EnvRegistration(EnvSpec Spec, Func<EnvSpec, EnvKwargs, IEnv> Factory);

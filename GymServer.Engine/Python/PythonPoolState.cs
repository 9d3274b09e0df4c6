namespace GymServer.Engine.Python;

/// <summary>Where the pool is in its life, as the dashboard and readiness checks see it.</summary>
public enum PythonPoolState
{
    /// <summary>Not started yet.</summary>
    Created,

    /// <summary>Gym:Python:Workers is 0: Python envs are off by configuration.</summary>
    Disabled,

    /// <summary>Workers are starting; no worker has said hello yet.</summary>
    Starting,

    /// <summary>At least one worker serves; others may be restarting.</summary>
    Ready,

    /// <summary>Python envs cannot be served (no interpreter, no gymnasium, a failing import): see the reason.</summary>
    Unavailable,

    /// <summary>The pool was stopped with the host.</summary>
    Stopped,
}

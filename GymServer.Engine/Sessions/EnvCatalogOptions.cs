namespace GymServer.Engine.Sessions;

/// <summary>How ids are resolved over the backends (<c>Gym:Envs</c> in configuration).</summary>
public sealed class EnvCatalogOptions
{
    /// <summary>
    /// The backend tried first for an id without a prefix: "native" (default: the fast C# env when there is one)
    /// or "python" (Gymnasium's own implementation even where a native one exists).
    /// </summary>
    public string PreferredBackend { get; set; } = NativeEnvProvider.BackendName;

    /// <summary>
    /// The Gymnasium wrappers clients may ask for by name; null (not configured):
    /// <see cref="Wrappers.WrapperAllowList.Default"/>. An array, not a list with the default in it, because the
    /// configuration binder would add the configured names to such a default rather than replace it.
    /// </summary>
    public string[]? AllowedWrappers { get; set; }

    /// <summary>
    /// Whether the observation transforms that end a Python env's wrapper list and have an exact C# implementation
    /// (GrayscaleObservation, ResizeObservation, FrameStackObservation, DtypeObservation, FlattenObservation) run
    /// in the server, on the observations the worker returns (default), rather than in the worker with the rest.
    /// Either way the client gets the same spaces and the same observations; off, every wrapper is Gymnasium's.
    /// </summary>
    public bool NativeObservationWrappers { get; set; } = true;
}

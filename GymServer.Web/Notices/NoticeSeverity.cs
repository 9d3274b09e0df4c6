namespace GymServer.Web.Notices;

/// <summary>How much a notice matters to an admin.</summary>
public enum NoticeSeverity
{
    /// <summary>Off by configuration, as intended.</summary>
    Info,

    /// <summary>Something is off that the admin probably wants on (a missing tool, a restarting worker).</summary>
    Warning,

    /// <summary>A feature has stopped (a disk cap reached, Python unavailable).</summary>
    Error,
}

using GymServer.Engine.Environments;

namespace GymServer.Engine.Protocol;

/// <summary>
/// Hears what a <see cref="RequestDispatcher"/> (or a <see cref="V2.Protocol2Dispatcher"/>) cannot say on the wire at once, so the host can log and count it.
/// </summary>
public interface IRequestObserver
{
    /// <summary>A request without a reply failed; its error waits for the next request with a reply.</summary>
    void OnDeferredError(RequestKind kind, EnvException error);

    /// <summary>A line was answered with an error (a pending one, or its own).</summary>
    void OnErrorReplied(string code);

    /// <summary>A request failed with an error that is not a protocol or env error (a bug, a broken worker).</summary>
    void OnUnexpectedError(RequestKind kind, Exception error);

    /// <summary>A protocol-2 request (named by its command, or "request" before it was parsed) failed unexpectedly.</summary>
    void OnUnexpectedError(string command, Exception error);
}

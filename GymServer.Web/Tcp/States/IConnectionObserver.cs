using GymServer.Protocol;
using GymServer.Protocol.V1;

namespace GymServer.Web.Tcp.States;

/// <summary>
/// What a connection state tells its connection besides the replies it writes: errors to log and count, and a
/// request to close (<see cref="GymConnection"/> implements it).
/// </summary>
public interface IConnectionObserver
{
    /// <summary>A protocol-1 request without a reply failed; its error waits for the next request with a reply.</summary>
    void OnDeferredError(RequestKind kind, WireException error);

    /// <summary>A request was answered with an error (a pending one, or its own).</summary>
    void OnErrorReplied(string code);

    /// <summary>A protocol-1 request failed with an error that is not a wire error (a bug, a broken worker).</summary>
    void OnUnexpectedError(RequestKind kind, Exception error);

    /// <summary>A protocol-2 request (named by its command, or "request" before it was parsed) failed unexpectedly.</summary>
    void OnUnexpectedError(string command, Exception error);

    /// <summary>The connection presented a valid token.</summary>
    void OnAuthenticated();

    /// <summary>A request came without a valid token; <paramref name="failures"/> so far.</summary>
    void OnAuthRefused(int failures);

    /// <summary>Close the connection at the next point between requests, sending this error first.</summary>
    void RequestClose(string code, string message);
}

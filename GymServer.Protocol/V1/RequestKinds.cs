namespace GymServer.Protocol.V1;

/// <summary>Facts about <see cref="RequestKind"/> values.</summary>
public static class RequestKinds
{
    /// <summary>Whether the client reads a reply to this command. Those that have none never get one, even on error.</summary>
    public static bool HasReply(RequestKind kind) =>
        kind is not (RequestKind.Seed or RequestKind.CloseEnv or RequestKind.RecordEpisodeStats or RequestKind.Compression);
}

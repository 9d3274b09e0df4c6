namespace GymServer.Protocol.V1;

/// <summary>
/// One parsed request line: its <see cref="Kind"/> and, for commands with arguments, the typed request. A value type,
/// so parsing a step allocates nothing.
/// </summary>
public readonly struct GymRequest
{
    private GymRequest(RequestKind kind, MakeEnvRequest makeEnv = default, StepRequest step = default,
        SeedRequest seed = default, CompressionRequest compression = default, HandshakeRequest handshake = default)
    {
        Kind = kind;
        MakeEnv = makeEnv;
        Step = step;
        Seed = seed;
        Compression = compression;
        Handshake = handshake;
    }

    /// <summary>The command.</summary>
    public RequestKind Kind { get; }

    /// <summary>The arguments when <see cref="Kind"/> is <see cref="RequestKind.MakeEnv"/>.</summary>
    public MakeEnvRequest MakeEnv { get; }

    /// <summary>The arguments when <see cref="Kind"/> is <see cref="RequestKind.Step"/>.</summary>
    public StepRequest Step { get; }

    /// <summary>The arguments when <see cref="Kind"/> is <see cref="RequestKind.Seed"/>.</summary>
    public SeedRequest Seed { get; }

    /// <summary>The arguments when <see cref="Kind"/> is <see cref="RequestKind.Compression"/>.</summary>
    public CompressionRequest Compression { get; }

    /// <summary>The arguments when <see cref="Kind"/> is <see cref="RequestKind.Handshake"/>.</summary>
    public HandshakeRequest Handshake { get; }

    /// <summary>Whether the client reads a reply to this request.</summary>
    public bool HasReply => RequestKinds.HasReply(Kind);

    /// <summary>A command without arguments.</summary>
    public static GymRequest Of(RequestKind kind) => new(kind);

    public static GymRequest Of(MakeEnvRequest request) => new(RequestKind.MakeEnv, makeEnv: request);

    public static GymRequest Of(StepRequest request) => new(RequestKind.Step, step: request);

    public static GymRequest Of(SeedRequest request) => new(RequestKind.Seed, seed: request);

    public static GymRequest Of(CompressionRequest request) => new(RequestKind.Compression, compression: request);

    public static GymRequest Of(HandshakeRequest request) => new(RequestKind.Handshake, handshake: request);
}

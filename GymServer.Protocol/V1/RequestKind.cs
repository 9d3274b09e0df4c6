namespace GymServer.Protocol.V1;

/// <summary>The commands of protocol 1 (gym_tcp_api's, plus the handshake), one per request line.</summary>
public enum RequestKind
{
    /// <summary><c>{"env":{"name":"CartPole-v1"}}</c>: make the connection's env (closing the previous one).
    /// Replies <see cref="InstanceResponse"/>. See <see cref="MakeEnvRequest"/>.</summary>
    MakeEnv,

    /// <summary><c>{"env":{"action":"reset"}}</c>: reset the env. Replies <see cref="ObservationResponse"/>.</summary>
    Reset,

    /// <summary><c>{"step":{"action":1,"render":0}}</c>: step the env. Replies <see cref="StepResponse"/>.
    /// See <see cref="StepRequest"/>.</summary>
    Step,

    /// <summary><c>{"env":{"action":"actionspace"}}</c>: describe the action space. Replies <see cref="SpaceInfoResponse"/>.</summary>
    ActionSpace,

    /// <summary><c>{"env":{"action":"observationspace"}}</c>: describe the observation space.
    /// Replies <see cref="SpaceInfoResponse"/>.</summary>
    ObservationSpace,

    /// <summary><c>{"env":{"actionspace":"sample"}}</c>: sample the action space. Replies <see cref="SampleResponse"/>.</summary>
    SampleAction,

    /// <summary><c>{"env":{"seed":"3"}}</c>: seed the next reset. No reply. See <see cref="SeedRequest"/>.</summary>
    Seed,

    /// <summary><c>{"env":{"action":"close"}}</c>: close the env; the connection stays open. No reply.</summary>
    CloseEnv,

    /// <summary><c>{"record_episode_stats":{"action":"start"}}</c>: keep episode return and length. No reply.</summary>
    RecordEpisodeStats,

    /// <summary><c>{"server":{"compression":"9"}}</c>: compress the following replies. No reply.
    /// See <see cref="CompressionRequest"/>.</summary>
    Compression,

    /// <summary><c>{"url":{"action":"url"}}</c>: where the env's recordings are published. Replies <see cref="UrlResponse"/>.</summary>
    Url,

    /// <summary><c>{"server":{"protocol":2}}</c>: choose the protocol the connection speaks from now on.
    /// Replies <see cref="HandshakeResponse"/>. See <see cref="HandshakeRequest"/>.</summary>
    Handshake,
}

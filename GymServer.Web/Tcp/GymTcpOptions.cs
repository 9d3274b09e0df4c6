namespace GymServer.Web.Tcp;

/// <summary>The TCP listener and its limits, bound from configuration section <c>Gym:Tcp</c>.</summary>
public sealed class GymTcpOptions
{
    public const string SectionName = "Gym:Tcp";

    /// <summary>The port gym_tcp_api's clients connect to. 0 picks a free port (tests).</summary>
    public int Port { get; set; } = 4040;

    /// <summary>The address to listen on: an IP, "localhost", or "*" / "0.0.0.0" for every interface.</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>The longest request line, in bytes without its terminator; longer ones get line_too_long.</summary>
    public int MaxLineLength { get; set; } = 1024 * 1024;

    /// <summary>Envs one connection may hold open at once.</summary>
    public int MaxEnvsPerConnection { get; set; } = 16;

    /// <summary>Connections this node serves at once; one more gets too_many_connections and is closed.</summary>
    public int MaxConnections { get; set; } = 10_000;

    /// <summary>A connection that sends nothing for this long gets idle_timeout and is closed.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>
    /// Replies one connection may have waiting for its socket. When they are all waiting (the client does not read),
    /// the connection stops reading requests, so a slow client slows only itself.
    /// </summary>
    public int ReplyQueueCapacity { get; set; } = 16;

    /// <summary>
    /// Run a connection's code on the thread that completed its socket operation, and send on the flushing thread,
    /// instead of hopping to the thread pool and the I/O queues (Kestrel's <c>UnsafePreferInlineScheduling</c>, for
    /// the HTTP side too). Request handling never blocks (native envs compute and return, remote envs are awaited),
    /// so it is safe to turn on; off by default, as in Kestrel, since the benchmark showed no clear gain on 2 cores.
    /// </summary>
    public bool InlineScheduling { get; set; }

    /// <summary>
    /// Kestrel's socket I/O queues (<c>SocketTransportOptions.IOQueueCount</c>); 0 keeps Kestrel's default (one per
    /// core, at most 16). With <see cref="InlineScheduling"/>, connections sharing a queue are served one after another
    /// on its thread: more queues let the OS share the cores between them.
    /// </summary>
    public int IoQueueCount { get; set; }

    /// <summary>
    /// Env steps one connection may take per second (a vector step counts each sub-env); past it a step gets
    /// rate_limited and is not run. 0: no limit.
    /// </summary>
    public int MaxStepsPerSecond { get; set; }

    /// <summary>Envs the whole node may hold open at once (a vector env counts each sub-env); past it, too_many_envs. 0: no limit.</summary>
    public int MaxEnvsPerNode { get; set; }
}

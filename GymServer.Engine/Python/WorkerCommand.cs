namespace GymServer.Engine.Python;

/// <summary>The command byte of a request frame (docs/worker-protocol.md).</summary>
internal enum WorkerCommand : byte
{
    /// <summary>Never sent: the worker's first frame answers this implicit call 0 with its hello.</summary>
    Hello = 1,
    Make = 2,
    Reset = 3,
    Step = 4,
    Spaces = 5,
    Sample = 6,
    Render = 7,
    Close = 8,
    List = 9,
    Attach = 10,

    /// <summary>Resets and steps of several envs of the worker in one request (a vector env's sub-envs there).</summary>
    Batch = 11,
}

namespace GymServer.Protocol.Binary;

/// <summary>The type byte of a binary frame (the second byte of its header).</summary>
public enum FrameType : byte
{
    /// <summary>Client to server: step a vector env with raw actions.</summary>
    StepVecRequest = 0x01,

    /// <summary>An error reply: its payload is the UTF-8 JSON <c>{"error":{"code":..,"message":..}}</c>.</summary>
    Error = 0x7F,

    /// <summary>Server to client: the reply to <see cref="StepVecRequest"/>.</summary>
    StepVecReply = 0x81,
}

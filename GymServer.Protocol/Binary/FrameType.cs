namespace GymServer.Protocol.Binary;

/// <summary>
/// The type byte of a binary frame (the second byte of its header). A reply's type is its request's with the high
/// bit set; 0x7F is the error reply to any request.
/// </summary>
public enum FrameType : byte
{
    /// <summary>Client to server: step a vector env with raw actions.</summary>
    StepVecRequest = 0x01,

    /// <summary>Client to server: make an env; the payload is make's JSON arguments.</summary>
    MakeRequest = 0x02,

    /// <summary>Client to server: reset an env (instance id, seed, options).</summary>
    ResetRequest = 0x03,

    /// <summary>Client to server: step an env with a raw action.</summary>
    StepRequest = 0x04,

    /// <summary>Client to server: sample an env's action space.</summary>
    SampleRequest = 0x05,

    /// <summary>Client to server: make a vector env; the payload is make_vec's JSON arguments.</summary>
    MakeVecRequest = 0x06,

    /// <summary>Client to server: reset a vector env (the layout of <see cref="ResetRequest"/>).</summary>
    ResetVecRequest = 0x07,

    /// <summary>An error reply: its payload is the UTF-8 JSON <c>{"error":{"code":..,"message":..}}</c>.</summary>
    Error = 0x7F,

    /// <summary>Server to client: the reply to <see cref="StepVecRequest"/>.</summary>
    StepVecReply = 0x81,

    /// <summary>Server to client: the reply to <see cref="MakeRequest"/>, make's JSON reply.</summary>
    MakeReply = 0x82,

    /// <summary>Server to client: the reply to <see cref="ResetRequest"/>: the raw observation and the info.</summary>
    ResetReply = 0x83,

    /// <summary>Server to client: the reply to <see cref="StepRequest"/>.</summary>
    StepReply = 0x84,

    /// <summary>Server to client: the reply to <see cref="SampleRequest"/>: the raw action.</summary>
    SampleReply = 0x85,

    /// <summary>Server to client: the reply to <see cref="MakeVecRequest"/>, make_vec's JSON reply.</summary>
    MakeVecReply = 0x86,

    /// <summary>Server to client: the reply to <see cref="ResetVecRequest"/>: every raw observation and the infos.</summary>
    ResetVecReply = 0x87,
}

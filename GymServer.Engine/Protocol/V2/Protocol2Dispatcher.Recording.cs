namespace GymServer.Engine.Protocol.V2;

public sealed partial class Protocol2Dispatcher
{
    private ValueTask Record(RecordRequest request, ReplyBuffer output)
    {
        var env = Session.Require(request.Instance);
        var recording = Session.RequireRecorder().Start(env, request.Video);
        new RecordResponse(recording).WriteTo(_replies.Begin(output));
        _replies.End(output);
        return ValueTask.CompletedTask;
    }
}

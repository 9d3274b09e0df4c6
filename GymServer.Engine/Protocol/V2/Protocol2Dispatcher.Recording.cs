namespace GymServer.Engine.Protocol.V2;

public sealed partial class Protocol2Dispatcher
{
    private async ValueTask RecordAsync(RecordRequest request, ReplyBuffer output, CancellationToken cancellationToken)
    {
        var env = Session.Require(request.Instance);
        var recording = await Session.RequireRecorder().StartAsync(env, request.Video, cancellationToken).ConfigureAwait(false);
        new RecordResponse(recording).WriteTo(_replies.Begin(output));
        _replies.End(output);
    }
}

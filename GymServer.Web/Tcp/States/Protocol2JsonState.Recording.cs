using GymServer.Engine.Recording;
using GymServer.Protocol.Framing;
using GymServer.Protocol.V2;

namespace GymServer.Web.Tcp.States;

public partial class Protocol2JsonState
{
    private async ValueTask RecordAsync(RecordRequest request, ReplyBuffer output, CancellationToken cancellationToken)
    {
        var schedule = request.Video is null ? null : VideoSchedule.Parse(request.Video);
        var env = Require(request.Instance);
        var recording = await Session.RequireRecorder().StartAsync(env, schedule, cancellationToken).ConfigureAwait(false);
        new RecordResponse(recording.Url, recording.Schedule.Name).WriteTo(Replies.Begin(output));
        Replies.End(output);
    }
}

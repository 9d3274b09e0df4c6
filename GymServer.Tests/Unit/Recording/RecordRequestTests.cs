using System.Buffers;
using System.Text;
using GymServer.Protocol.V2;
using GymServer.Engine.Recording;

namespace GymServer.Tests.Unit.Recording;

/// <summary>Reading the protocol-2 record request.</summary>
public sealed class RecordRequestTests
{
    [Fact]
    public void TheScheduleIsOptional()
    {
        using var request = Protocol2Parser.Parse(Line("{\"record\":{\"instance\":\"abc\"}}"));
        Assert.Equal(Protocol2Command.Record, request.Command);
        Assert.Equal(new RecordRequest("abc", null), RecordRequest.Read(request.Arguments));
    }

    [Fact]
    public void TheScheduleIsParsed()
    {
        using var request = Protocol2Parser.Parse(Line("{\"record\":{\"instance\":\"abc\",\"video\":\"every:4\"}}"));
        Assert.Equal(VideoSchedule.EveryNth(4), VideoSchedule.Parse(RecordRequest.Read(request.Arguments).Video));
    }

    private static ReadOnlySequence<byte> Line(string json) => new(Encoding.UTF8.GetBytes(json));
}

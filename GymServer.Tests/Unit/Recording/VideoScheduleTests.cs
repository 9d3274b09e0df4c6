using GymServer.Engine.Environments;
using GymServer.Engine.Recording;
using GymServer.Protocol;

namespace GymServer.Tests.Unit.Recording;

/// <summary>Which episodes get a video: Gymnasium's capped cubic schedule, every N-th, none.</summary>
public sealed class VideoScheduleTests
{
    [Fact]
    public void CubicPicksTheCubesBelowAThousandThenEveryThousandth()
    {
        var picked = Enumerable.Range(0, 5001).Where(episode => VideoSchedule.Cubic.Includes(episode)).ToArray();
        int[] cubes = [0, 1, 8, 27, 64, 125, 216, 343, 512, 729];
        Assert.Equal([.. cubes, 1000, 2000, 3000, 4000, 5000], picked);
    }

    [Theory]
    [InlineData("every:1", new long[] { 0, 1, 2, 3, 4, 5, 6 })]
    [InlineData("every:3", new long[] { 0, 3, 6 })]
    [InlineData("none", new long[0])]
    [InlineData("cubic", new long[] { 0, 1 })]
    public void ParsedSchedulesPickTheirEpisodes(string text, long[] expected)
    {
        var schedule = VideoSchedule.Parse(text);
        Assert.Equal(text, schedule.Name);
        Assert.Equal(expected, Enumerable.Range(0, 7).Select(episode => (long)episode).Where(schedule.Includes));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("weekly")]
    [InlineData("every:")]
    [InlineData("every:0")]
    [InlineData("every:-2")]
    [InlineData("every:x")]
    [InlineData("Cubic")]
    public void AnythingElseIsInvalidArgument(string? text)
    {
        var error = Assert.Throws<EnvException>(() => VideoSchedule.Parse(text));
        Assert.Equal(EnvErrorCodes.InvalidArgument, error.Code);
        Assert.Contains("every:N", error.Message);
    }

    [Fact]
    public void NoneRecordsNoVideo()
    {
        Assert.False(VideoSchedule.None.RecordsVideo);
        Assert.True(VideoSchedule.EveryNth(5).RecordsVideo);
        Assert.False(VideoSchedule.Cubic.Includes(-1));
    }
}

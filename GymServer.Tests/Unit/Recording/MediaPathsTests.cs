using GymServer.Engine.Recording;

namespace GymServer.Tests.Unit.Recording;

/// <summary>The names a media path may be built from, and episode file names.</summary>
public sealed class MediaPathsTests
{
    [Theory]
    [InlineData("3f2a9c0d1b7e4")]
    [InlineData("episode-000008.mp4")]
    [InlineData("index.json")]
    [InlineData("a_b.c-d")]
    public void PlainNamesAreSafe(string name) => Assert.True(MediaPaths.IsSafeSegment(name));

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData(".hidden")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("/etc")]
    [InlineData("a%2fb")]
    [InlineData("a b")]
    [InlineData("caf\u00e9")]
    [InlineData("a\0b")]
    [InlineData("-rf")]
    public void AnythingElseIsNot(string name) => Assert.False(MediaPaths.IsSafeSegment(name));

    [Fact]
    public void ALongNameIsNotSafe() => Assert.False(MediaPaths.IsSafeSegment(new string('a', 129)));

    [Fact]
    public void EpisodeFilesAreNumberedWithSixDigits()
    {
        Assert.Equal("episode-000008", MediaPaths.EpisodeStem(8));
        Assert.Equal("episode-1234567", MediaPaths.EpisodeStem(1234567));
        Assert.True(MediaPaths.TryParseEpisode("episode-000027.mp4.part", out var episode));
        Assert.Equal(27, episode);
        Assert.False(MediaPaths.TryParseEpisode("index.json", out _));
        Assert.False(MediaPaths.TryParseEpisode("episode-x.json", out _));
    }

    [Fact]
    public void ResolvingStaysInsideTheRoot()
    {
        var root = Path.Combine(Path.GetTempPath(), "gym-media-unit");
        Assert.Equal(Path.Combine(root, "abc", "index.json"), MediaPaths.Resolve(root, ["abc", "index.json"]));
        Assert.Equal(Path.GetFullPath(root), MediaPaths.Resolve(root, []));
        Assert.Null(MediaPaths.Resolve(root, ["..", "etc"]));
        Assert.Null(MediaPaths.Resolve(root, ["/etc/passwd"]));
        Assert.Throws<ArgumentException>(() => MediaPaths.InstanceFolder(root, "../x"));
    }
}

using System.Numerics;
using System.Text;
using System.Text.Json;
using GymServer.Engine.Recording;
using GymServer.Tests.Infrastructure;

namespace GymServer.Tests.Unit.Recording;

/// <summary>
/// The media files' JSON through its one type: files in the format of docs/recording.md (Fixtures/media-v1, made by
/// the writer before <see cref="EpisodeMetadata"/> became the reader too) read with their values and write back byte
/// for byte; seeds of any size round-trip.
/// </summary>
public sealed class EpisodeMetadataFormatTests
{
    private static readonly string Folder = Path.Combine(
        RepositoryPaths.Root, "GymServer.Tests", "Unit", "Recording", "Fixtures", "media-v1", "45d7b0460ea8f");

    public static TheoryData<string> Files => ["episode-000000.json", "episode-000001.json", "episode-000002.json"];

    [Fact]
    public void AFileOfTodaysFormatReadsWithItsValues()
    {
        var metadata = EpisodeMetadata.Read(File.ReadAllBytes(Path.Combine(Folder, "episode-000000.json")));

        var startedAt = new DateTimeOffset(2026, 11, 23, 23, 4, 44, TimeSpan.Zero).AddTicks(1_234_560);
        Assert.Equal(
            new EpisodeMetadata("CartPole-v1", "45d7b0460ea8f", 0, 42, 23, 23, 0.004113, startedAt, startedAt.AddTicks(41_130),
                "gym-1", "episode-000000.mp4", 24, "episode-000000.png", EpisodeMetadata.Complete),
            metadata);
        Assert.True(metadata.IsComplete);
    }

    [Fact]
    public void AFailedEpisodeWithASeedBeyond64BitsAndNoThumbnailReads()
    {
        var metadata = EpisodeMetadata.Read(File.ReadAllBytes(Path.Combine(Folder, "episode-000001.json")));

        Assert.Equal(BigInteger.Parse("1180591620717411303424", System.Globalization.CultureInfo.InvariantCulture), metadata.Seed);
        Assert.Null(metadata.Thumbnail);
        Assert.Equal(EpisodeMetadata.Failed, metadata.Status);
        Assert.False(metadata.IsComplete);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 21, 5, 0, TimeSpan.Zero), metadata.StartedAt);
        Assert.Null(EpisodeMetadata.Read(File.ReadAllBytes(Path.Combine(Folder, "episode-000002.json"))).Seed);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void AnEpisodeFileReadAndWrittenAgainIsTheSameBytes(string file)
    {
        var json = File.ReadAllBytes(Path.Combine(Folder, file));
        Assert.Equal(Encoding.UTF8.GetString(json), Encoding.UTF8.GetString(EpisodeMetadata.Read(json).ToJson()));
    }

    [Fact]
    public void TheIndexReadAndWrittenAgainIsTheSameBytes()
    {
        var json = File.ReadAllBytes(Path.Combine(Folder, MediaPaths.IndexFile));
        var index = MediaIndex.Read(json);

        Assert.Equal(("45d7b0460ea8f", "CartPole-v1", "gym-1"), (index.Instance, index.EnvId, index.Node));
        Assert.Equal([0L, 1L, 2L], index.Episodes.Select(episode => episode.Episode));
        Assert.Equal(Encoding.UTF8.GetString(json), Encoding.UTF8.GetString(index.ToJson()));
    }

    [Theory]
    [InlineData("340282366920938463463374607431768211457")]
    [InlineData("-18446744073709551617")]
    [InlineData("0")]
    public void SeedsOfAnySizeRoundTripAsJsonIntegers(string seed)
    {
        var metadata = EpisodeMetadata.Read(File.ReadAllBytes(Path.Combine(Folder, "episode-000000.json")))
            with { Seed = BigInteger.Parse(seed, System.Globalization.CultureInfo.InvariantCulture) };

        var json = metadata.ToJson();

        Assert.Contains($"\"seed\":{seed},", Encoding.UTF8.GetString(json), StringComparison.Ordinal);
        Assert.Equal(metadata, EpisodeMetadata.Read(json));
    }

    [Theory]
    [InlineData("\"node\":\"gym-1\",", "")]
    [InlineData("\"status\":\"complete\"", "\"status\":null")]
    [InlineData("\"seed\":42", "\"seed\":\"42\"")]
    public void AFileThatIsNotTheFormatIsRefused(string part, string replacement)
    {
        var json = File.ReadAllText(Path.Combine(Folder, "episode-000000.json"));
        Assert.Contains(part, json, StringComparison.Ordinal);

        Assert.Throws<JsonException>(() => EpisodeMetadata.Read(Encoding.UTF8.GetBytes(json.Replace(part, replacement, StringComparison.Ordinal))));
    }
}

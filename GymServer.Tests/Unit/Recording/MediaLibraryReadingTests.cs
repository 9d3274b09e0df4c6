using GymServer.Engine.Recording;
using GymServer.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace GymServer.Tests.Unit.Recording;

/// <summary>
/// The one media library reads a root written in today's format (Fixtures/media-v1) for both of its readers: the
/// /media listing and the dashboard's recordings and statistics.
/// </summary>
public sealed class MediaLibraryReadingTests
{
    private const string Instance = "45d7b0460ea8f";

    private static readonly string Root = Path.Combine(RepositoryPaths.Root, "GymServer.Tests", "Unit", "Recording", "Fixtures", "media-v1");

    private readonly MediaLibrary _library = new(
        new MediaOptions { Root = Root }, new MediaStatus(NullLogger<MediaStatus>.Instance), TimeProvider.System, NullLogger<MediaLibrary>.Instance);

    [Fact]
    public void TheDashboardSeesTheInstanceWithItsEpisodesNewestFirst()
    {
        var instance = Assert.Single(_library.Instances());

        Assert.Equal((Instance, "CartPole-v1", "gym-1", null), (instance.Instance, instance.EnvId, instance.Node, instance.Error));
        Assert.Equal([2L, 1L, 0L], instance.Episodes.Select(episode => episode.Episode));
        Assert.Equal(new MediaStats(true, 2, 1, Directory.GetFiles(Path.Combine(Root, Instance)).Sum(file => new FileInfo(file).Length)), _library.Stats());
    }

    [Fact]
    public void TheMediaListingSeesTheSameFolderAndItsFiles()
    {
        var folder = Assert.Single(_library.List());
        Assert.Equal((Instance, true), (folder.Name, folder.IsFolder));
        Assert.Equal(["episode-000000.json", "episode-000001.json", "episode-000002.json", "index.json"], _library.List(Instance).Select(entry => entry.Name));
    }
}

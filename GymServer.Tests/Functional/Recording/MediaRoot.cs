namespace GymServer.Tests.Functional.Recording;

/// <summary>A media root of one test's own, in a fresh temporary folder deleted afterwards.</summary>
public sealed class MediaRoot : IDisposable
{
    public MediaRoot()
    {
        Path = Directory.CreateTempSubdirectory("gym-media-").FullName;
    }

    public string Path { get; }

    public string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // An encoder still closing its file: the temp folder is the system's to clean.
        }
    }
}

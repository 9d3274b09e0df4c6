namespace GymServer.Engine.Sessions;

/// <summary>Where an instance's recordings are published, relative to the media root the HTTP side serves.</summary>
public static class RecordingPaths
{
    /// <summary>gym_tcp_api's layout: one folder per instance, the episode video as output.webm.</summary>
    public static string VideoOf(string instanceId) => $"{instanceId}/output.webm";
}

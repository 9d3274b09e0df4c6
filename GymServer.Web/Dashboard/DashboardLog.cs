namespace GymServer.Web.Dashboard;

/// <summary>The dashboard's log messages, source-generated.</summary>
internal static partial class DashboardLog
{
    [LoggerMessage(EventId = 600, Level = LogLevel.Warning, Message = "Sending '{Method}' to stats hub clients failed")]
    public static partial void HubSendFailed(ILogger logger, string method, Exception exception);

    [LoggerMessage(EventId = 601, Level = LogLevel.Warning, Message =
        "The dashboard files are not in {WebRoot} (it has no {StyleSheet}), so the dashboard is blank: start the server " +
        "from its folder (the content root is the working directory) or pass --contentRoot <the folder of GymServer.Web.dll>")]
    public static partial void AssetsMissing(ILogger logger, string webRoot, string styleSheet);
}

namespace GymServer.Web.Dashboard;

/// <summary>The dashboard's log messages, source-generated.</summary>
internal static partial class DashboardLog
{
    [LoggerMessage(EventId = 600, Level = LogLevel.Warning, Message = "Sending '{Method}' to stats hub clients failed")]
    public static partial void HubSendFailed(ILogger logger, string method, Exception exception);

}

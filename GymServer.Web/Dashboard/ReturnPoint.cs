namespace GymServer.Web.Dashboard;

/// <summary>One point of a return chart: an episode's index in its instance and its return.</summary>
public readonly record struct ReturnPoint(long Episode, double Return);

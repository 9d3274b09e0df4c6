namespace GymServer.Engine.Recording;

/// <summary>Something about recording an operator should see (the dashboard shows these): why video stopped.</summary>
/// <param name="At">When it happened (UTC).</param>
/// <param name="Reason">What happened and what to do, in one sentence.</param>
public sealed record MediaNotice(DateTimeOffset At, string Reason);

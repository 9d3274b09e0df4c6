namespace GymServer.Tests.Infrastructure;

/// <summary>Waiting on a server object's <c>Changed</c> event instead of sleeping: the condition is looked at once
/// at the start and again each time the event is raised.</summary>
public static class ChangedEvent
{
    /// <summary>
    /// Completes once <paramref name="condition"/> holds; fails with a TimeoutException after
    /// <paramref name="timeout"/>. <paramref name="subscribe"/> and <paramref name="unsubscribe"/> add and remove the
    /// handler (e.g. <c>h =&gt; metrics.Changed += h</c>).
    /// </summary>
    public static async Task WaitUntilAsync(Action<Action> subscribe, Action<Action> unsubscribe, Func<bool> condition, TimeSpan timeout)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check()
        {
            if (condition())
            {
                reached.TrySetResult();
            }
        }
        subscribe(Check);
        try
        {
            Check();
            await reached.Task.WaitAsync(timeout);
        }
        finally
        {
            unsubscribe(Check);
        }
    }
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace GymServer.Tests.Fuzz;

/// <summary>
/// A logger that keeps only errors: the server logs an unexpected exception in a request (a bug the client sees as
/// env_error) or a failed connection at Error level, so an empty log means no request crashed.
/// </summary>
public sealed class ErrorLog : ILogger
{
    private readonly ConcurrentQueue<string> _errors = new();

    public IReadOnlyCollection<string> Errors => _errors;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            _errors.Enqueue($"{formatter(state, exception)}: {exception}");
        }
    }
}

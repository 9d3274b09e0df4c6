using GymServer.Engine.Environments;

namespace GymServer.Engine.Python;

/// <summary>An error a Python worker reported: its code, and the Python exception's type and traceback.</summary>
public sealed class PythonEnvException(string code, string message, string? pythonType, string? pythonTraceback)
    : EnvException(code, message)
{
    /// <summary>The Python exception's class name, e.g. "RuntimeError".</summary>
    public string? PythonType { get; } = pythonType;

    /// <summary>The Python traceback, for logs; clients get <see cref="Exception.Message"/>.</summary>
    public string? PythonTraceback { get; } = pythonTraceback;
}

namespace GymServer.Engine.Environments;

/// <summary>
/// An error an env reports to its client: a snake_case code the wire carries as is, and a message for people.
/// </summary>
public class EnvException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>The error codes the engine raises, in one place so the wire spec can list them.</summary>
public static class EnvErrorCodes
{
    public const string UnknownEnv = "unknown_env";
    public const string ResetNeeded = "reset_needed";
    public const string InvalidAction = "invalid_action";
    public const string InvalidArgument = "invalid_argument";
    public const string EnvError = "env_error";
}

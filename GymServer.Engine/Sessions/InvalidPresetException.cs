namespace GymServer.Engine.Sessions;

/// <summary>
/// A preset of <c>Gym:Envs:Presets</c> that cannot be served. The server checks every preset at start and does not
/// start with a bad one; the message names it and says what is wrong.
/// </summary>
public sealed class InvalidPresetException(string name, string problem, Exception? inner = null)
    : Exception($"preset '{name}' (Gym:Envs:Presets:{name}): {problem}", inner)
{
    /// <summary>The preset's name.</summary>
    public string Preset { get; } = name;

    /// <summary>The preset error in <paramref name="error"/> or its inner exceptions (the host may wrap it), or null.</summary>
    public static InvalidPresetException? Find(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
        {
            if (error is InvalidPresetException preset)
            {
                return preset;
            }
        }
        return null;
    }
}

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
}

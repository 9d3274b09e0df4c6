namespace GymServer.Protocol.Spaces;

/// <summary>
/// A space description that does not describe a space GymServer can build: unknown type, missing or malformed
/// field, or values Gymnasium's constructor would refuse. <see cref="Path"/> points at the offending part.
/// </summary>
public sealed class InvalidSpaceDescriptionException(string path, string problem)
    : FormatException($"invalid space description at {path}: {problem}")
{
    /// <summary>A JSONPath-like location in the description, such as <c>$.spaces[1].n</c>.</summary>
    public string Path { get; } = path;

    /// <summary>What is wrong there.</summary>
    public string Problem { get; } = problem;
}

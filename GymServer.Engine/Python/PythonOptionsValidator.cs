using Microsoft.Extensions.Options;

namespace GymServer.Engine.Python;

/// <summary>Refuses unusable <c>Gym:Python</c> settings at start, naming each problem.</summary>
internal sealed class PythonOptionsValidator : IValidateOptions<PythonOptions>
{
    public ValidateOptionsResult Validate(string? name, PythonOptions options)
    {
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

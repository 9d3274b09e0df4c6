using GymServer.Engine.Environments;
using GymServer.Protocol;

namespace GymServer.Engine.Python;

/// <summary>
/// Env ids of the form <c>module:Name</c>. Gymnasium's make imports the module before looking the name up, which
/// runs whatever code the module holds, so a client must not be able to name any module it likes.
/// </summary>
public static class PythonEnvIds
{
    /// <summary>The module a <c>module:Name</c> id names, or null for a plain registry id.</summary>
    public static string? ModuleOf(string id)
    {
        var colon = id.LastIndexOf(':');
        return colon > 0 ? id[..colon] : null;
    }

    /// <summary>Throws forbidden_env when the id names a module that is not in <paramref name="allowedModules"/>.</summary>
    public static void EnsureAllowed(string id, IReadOnlyCollection<string> allowedModules)
    {
        var module = ModuleOf(id);
        if (module is not null && !allowedModules.Contains(module, StringComparer.Ordinal))
        {
            throw new EnvException(
                EnvErrorCodes.ForbiddenEnv,
                $"env id '{id}' would make the server import the Python module '{module}'; " +
                "only modules listed in Gym:Python:AllowedModules may be named that way");
        }
    }
}

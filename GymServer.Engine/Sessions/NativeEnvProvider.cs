using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Engine.Wrappers;
using GymServer.Protocol;
using GymServer.Protocol.Values;

namespace GymServer.Engine.Sessions;

/// <summary>Makes envs from the native registry (<see cref="NativeEnvironments"/>), in this process.</summary>
public sealed class NativeEnvProvider(EnvRegistry registry) : IEnvProvider
{
    /// <summary>The backend name, also the id prefix that selects it: <c>native:CartPole-v1</c>.</summary>
    public const string BackendName = "native";

    private readonly IReadOnlyCollection<string> _ids = registry.Ids.Order(StringComparer.Ordinal).ToArray();

    public string Backend => BackendName;

    public IReadOnlyCollection<string> Ids => _ids;

    public bool Serves(string id) => registry.Contains(id);

    /// <summary>The wrappers with a C# implementation (<see cref="NativeWrappers"/>).</summary>
    public bool CanWrap(string wrapper) => NativeWrappers.IsNative(wrapper);

    public ValueTask<IEnvInstance> MakeAsync(
        string id,
        string instanceId,
        IReadOnlyDictionary<string, JsonElement>? kwargs,
        IReadOnlyList<WrapperSpec> wrappers,
        string? renderMode,
        CancellationToken cancellationToken)
    {
        if (renderMode is not null)
        {
            throw new EnvException(EnvErrorCodes.InvalidArgument, $"{id}: native envs take no render_mode here (got '{renderMode}')");
        }
        var env = registry.Make(id, kwargs);
        IEnv wrapped;
        try
        {
            wrapped = NativeWrappers.Apply(env, wrappers);
        }
        catch
        {
            env.Dispose();
            throw;
        }
        IEnvInstance instance = new NativeEnvInstance(wrapped, instanceId);
        return ValueTask.FromResult(instance);
    }
}

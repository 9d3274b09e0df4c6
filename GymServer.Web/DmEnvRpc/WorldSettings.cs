using System.Numerics;
using System.Text.Json;
using Google.Protobuf.Collections;
using GymServer.Engine.Recording;
using GymServer.Web.DmEnvRpc.Specs;
using GymServer.Web.DmEnvRpc.V1;

namespace GymServer.Web.DmEnvRpc;

/// <summary>
/// The settings of CreateWorld: <c>env_id</c> (a string, required: any id GymServer serves, backend prefix and
/// all), <c>seed</c> (a non-negative integer: the first episode's reset seed), <c>record</c> (a video schedule,
/// <c>"cubic"</c>, <c>"every:N"</c> or <c>"none"</c>, or true for the node's), and every other setting a keyword
/// argument of the env's constructor, as <c>gymnasium.make(env_id, **kwargs)</c> takes it (scalars and strings).
/// </summary>
/// <param name="EnvId">The env id.</param>
/// <param name="Seed">The first reset's seed, or null.</param>
/// <param name="Record">Whether to record the world's episodes.</param>
/// <param name="Schedule">Their video schedule; null for the node's.</param>
/// <param name="Kwargs">The constructor's keyword arguments.</param>
internal sealed record WorldSettings(
    string EnvId, BigInteger? Seed, bool Record, VideoSchedule? Schedule, IReadOnlyDictionary<string, JsonElement> Kwargs)
{
    public const string EnvIdName = "env_id";
    public const string SeedName = "seed";
    public const string RecordName = "record";

    /// <summary>Reads CreateWorld's settings; a missing env_id or a setting of the wrong form is invalid_argument.</summary>
    public static WorldSettings Read(MapField<string, Tensor> settings)
    {
        if (!settings.TryGetValue(EnvIdName, out var envIdTensor))
        {
            throw DmEnvRpcException.InvalidArgument(
                $"CreateWorld needs the setting '{EnvIdName}': the env's id as a string, e.g. CartPole-v1");
        }
        var envId = Scalar(envIdTensor, EnvIdName) is string id && id.Length > 0
            ? id
            : throw DmEnvRpcException.InvalidArgument($"setting '{EnvIdName}' must be a non-empty string, e.g. CartPole-v1");
        BigInteger? seed = settings.TryGetValue(SeedName, out var seedTensor) ? SeedOf(seedTensor) : null;
        var (record, schedule) = settings.TryGetValue(RecordName, out var recordTensor) ? Recording(recordTensor) : (false, null);
        var kwargs = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (name, tensor) in settings)
        {
            if (name is not (EnvIdName or SeedName or RecordName))
            {
                kwargs[name] = Kwarg(tensor, name);
            }
        }
        return new WorldSettings(envId, seed, record, schedule, kwargs);
    }

    /// <summary>The settings of Reset and ResetWorld: <c>seed</c> alone, optional.</summary>
    public static BigInteger? ReadSeed(MapField<string, Tensor> settings, string request)
    {
        foreach (var name in settings.Keys)
        {
            if (name != SeedName)
            {
                throw DmEnvRpcException.InvalidArgument($"{request} takes no setting '{name}': its only setting is '{SeedName}'");
            }
        }
        return settings.TryGetValue(SeedName, out var tensor) ? SeedOf(tensor) : (BigInteger?)null;
    }

    /// <summary>JoinWorld takes no settings: a world's settings are CreateWorld's.</summary>
    public static void RequireNone(MapField<string, Tensor> settings, string request)
    {
        if (settings.Count > 0)
        {
            throw DmEnvRpcException.InvalidArgument(
                $"{request} takes no settings (got '{settings.Keys.First()}'): give the env's settings to CreateWorld");
        }
    }

    private static BigInteger SeedOf(Tensor tensor) => Scalar(tensor, SeedName) switch
    {
        long value when value >= 0 => value,
        ulong value => value,
        _ => throw DmEnvRpcException.InvalidArgument($"setting '{SeedName}' must be a non-negative integer"),
    };

    private static (bool Record, VideoSchedule? Schedule) Recording(Tensor tensor) => Scalar(tensor, RecordName) switch
    {
        bool record => (record, null),
        string schedule => (true, VideoSchedule.Parse(schedule)),
        _ => throw DmEnvRpcException.InvalidArgument(
            $"setting '{RecordName}' must be a video schedule (\"cubic\", \"every:N\", \"none\") or true for the node's"),
    };

    private static JsonElement Kwarg(Tensor tensor, string name) => Scalar(tensor, name) switch
    {
        double value when double.IsFinite(value) => JsonSerializer.SerializeToElement(value),
        long value => JsonSerializer.SerializeToElement(value),
        ulong value => JsonSerializer.SerializeToElement(value),
        bool value => JsonSerializer.SerializeToElement(value),
        string value => JsonSerializer.SerializeToElement(value),
        _ => throw DmEnvRpcException.InvalidArgument($"setting '{name}' must be a finite number, an integer, a bool or a string"),
    };

    /// <summary>
    /// The one element of a scalar tensor: a double (FLOAT, DOUBLE), a long (signed integers), a ulong (unsigned
    /// ones), a bool or a string; null for a PROTO. A tensor of any other size is invalid_argument.
    /// </summary>
    private static object? Scalar(Tensor tensor, string name)
    {
        var count = WireTypes.Count(tensor);
        var shape = TensorShapes.Resolve(tensor, count, out _);
        if (count != 1 || shape is null || shape.Any(dimension => dimension != 1))
        {
            throw DmEnvRpcException.InvalidArgument(
                $"setting '{name}' must be a scalar; got {count} element(s) of shape {TensorShapes.Text(tensor.Shape)}");
        }
        return tensor.PayloadCase switch
        {
            Tensor.PayloadOneofCase.Floats => (double)tensor.Floats.Array[0],
            Tensor.PayloadOneofCase.Doubles => tensor.Doubles.Array[0],
            Tensor.PayloadOneofCase.Int8S => (long)unchecked((sbyte)tensor.Int8S.Array[0]),
            Tensor.PayloadOneofCase.Int32S => (long)tensor.Int32S.Array[0],
            Tensor.PayloadOneofCase.Int64S => tensor.Int64S.Array[0],
            Tensor.PayloadOneofCase.Uint8S => (ulong)tensor.Uint8S.Array[0],
            Tensor.PayloadOneofCase.Uint32S => (ulong)tensor.Uint32S.Array[0],
            Tensor.PayloadOneofCase.Uint64S => tensor.Uint64S.Array[0],
            Tensor.PayloadOneofCase.Bools => tensor.Bools.Array[0],
            Tensor.PayloadOneofCase.Strings => tensor.Strings.Array[0],
            _ => null,
        };
    }
}

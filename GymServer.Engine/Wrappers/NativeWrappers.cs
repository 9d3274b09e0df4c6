using GymServer.Engine.Environments;
using GymServer.Protocol;
using GymServer.Protocol.Values;

namespace GymServer.Engine.Wrappers;

/// <summary>
/// The Gymnasium wrappers GymServer runs in C# around its native envs, by Gymnasium's class names, and the one
/// call that applies a list of them. A list naming any other wrapper is for the Python backend
/// (<see cref="AllNative"/> tells which).
/// </summary>
public static class NativeWrappers
{
    private static readonly Dictionary<string, Func<IEnv, EnvKwargs, IEnv>> Factories = new(StringComparer.Ordinal)
    {
        ["TimeLimit"] = TimeLimit.Create,
        ["ClipAction"] = ClipAction.Create,
        ["RescaleAction"] = RescaleAction.Create,
        ["ClipReward"] = ClipReward.Create,
        ["FlattenObservation"] = FlattenObservation.Create,
        ["FrameStackObservation"] = FrameStackObservation.Create,
        ["NormalizeObservation"] = NormalizeObservation.Create,
        ["NormalizeReward"] = NormalizeReward.Create,
        ["TimeAwareObservation"] = TimeAwareObservation.Create,
        ["DtypeObservation"] = DtypeObservation.Create,
        ["RecordEpisodeStatistics"] = RecordEpisodeStatistics.Create,
        ["GrayscaleObservation"] = GrayscaleObservation.Create,
        ["ResizeObservation"] = ResizeObservation.Create,
        ["MaxAndSkipObservation"] = MaxAndSkipObservation.Create,
    };

    /// <summary>
    /// The native wrappers that may run in the server over another backend's env (<see
    /// cref="Sessions.NativeWrappedEnvInstance"/>): each calls the env under it exactly once per reset and per step,
    /// with the action it was given, and changes only the observation and its space.
    /// </summary>
    private static readonly HashSet<string> ObservationTransforms = new(StringComparer.Ordinal)
    {
        "GrayscaleObservation",
        "ResizeObservation",
        "FrameStackObservation",
        "DtypeObservation",
        "FlattenObservation",
    };

    /// <summary>The names of the wrappers with a C# implementation, sorted.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Factories.Keys.Order(StringComparer.Ordinal)];

    public static bool IsNative(string name) => Factories.ContainsKey(name);

    /// <summary>Whether every wrapper of the list has a C# implementation (else the list is the Python backend's).</summary>
    public static bool AllNative(IEnumerable<WrapperSpec> wrappers) => wrappers.All(wrapper => IsNative(wrapper.Name));

    /// <summary>
    /// Where the wrappers that can run in the server over another backend's env begin: the index of the first of the
    /// longest run of observation transforms (GrayscaleObservation, ResizeObservation, FrameStackObservation,
    /// DtypeObservation, FlattenObservation) that ends the list; the list's length when it ends in none.
    /// </summary>
    public static int ServerSideStart(IReadOnlyList<WrapperSpec> wrappers)
    {
        var start = wrappers.Count;
        while (start > 0 && ObservationTransforms.Contains(wrappers[start - 1].Name))
        {
            start--;
        }
        return start;
    }

    /// <summary>
    /// Wraps <paramref name="env"/> in each wrapper of the list in turn and returns the outermost (the env itself
    /// for an empty list). Refuses, with an <see cref="EnvException"/> whose message names the wrapper and its place
    /// in the list: a name with no C# implementation (unknown_wrapper), bad or unexpected keyword arguments, and a
    /// wrapper that does not apply to the spaces it would wrap (invalid_argument). On a refusal the env is left to
    /// the caller, not disposed.
    /// </summary>
    public static IEnv Apply(IEnv env, IReadOnlyList<WrapperSpec> wrappers)
    {
        var wrapped = env;
        for (var i = 0; i < wrappers.Count; i++)
        {
            var (name, kwargs) = wrappers[i];
            if (!Factories.TryGetValue(name, out var factory))
            {
                var matches = CloseMatches.Find(name, Factories.Keys);
                var hint = matches.Count > 0 ? $"did you mean {string.Join(", ", matches)}? " : string.Empty;
                throw new EnvException(
                    EnvErrorCodes.UnknownWrapper,
                    $"{Where(i, wrappers.Count, name)}: no native wrapper of that name; {hint}native wrappers: {string.Join(", ", Names)}");
            }
            try
            {
                var arguments = new EnvKwargs(kwargs);
                var next = factory(wrapped, arguments);
                arguments.EnsureAllRead(name);
                wrapped = next;
            }
            catch (EnvException exception)
            {
                throw new EnvException(exception.Code, $"{Where(i, wrappers.Count, name)}: {exception.Message}");
            }
        }
        return wrapped;
    }

    private static string Where(int index, int count, string name) =>
        count == 1 ? $"wrapper {name}" : $"wrapper {index + 1} of {count} ({name})";
}

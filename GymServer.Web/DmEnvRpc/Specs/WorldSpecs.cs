using GymServer.Engine.Environments;
using GymServer.Engine.Spaces;
using GymServer.Protocol;
using GymServer.Web.DmEnvRpc.V1;

namespace GymServer.Web.DmEnvRpc.Specs;

/// <summary>
/// A world's action and observation specs, made once from its env's spaces. A Dict space is flattened to
/// <c>name.key</c> tensors and a Tuple to <c>name.0</c>, <c>name.1</c>, ... (nested ones likewise), as dm_env_rpc's
/// flatten utilities name them, so its dm_env adaptor hands an agent the nested dict back. Besides the env's
/// observation, <c>reward</c> (float64) and <c>discount</c> (float64, 0 to 1): the names the adaptor reads by default.
/// </summary>
internal sealed class WorldSpecs
{
    public const string ActionName = "action";
    public const string ObservationName = "observation";
    public const string RewardName = "reward";
    public const string DiscountName = "discount";

    private readonly Dictionary<ulong, TensorLeaf> _actions;
    private readonly Dictionary<ulong, TensorLeaf> _observations;

    private WorldSpecs(List<TensorLeaf> actions, List<TensorLeaf> observations)
    {
        _actions = actions.ToDictionary(leaf => leaf.Uid);
        _observations = observations.ToDictionary(leaf => leaf.Uid);
        Actions = actions;
        Observations = observations;
        RewardUid = (ulong)observations.Count + 1;
        DiscountUid = RewardUid + 1;
        Message = new ActionObservationSpecs();
        foreach (var leaf in actions)
        {
            Message.Actions.Add(leaf.Uid, leaf.Spec);
        }
        foreach (var leaf in observations)
        {
            Message.Observations.Add(leaf.Uid, leaf.Spec);
        }
        Message.Observations.Add(RewardUid, new TensorSpec { Name = RewardName, Dtype = DataType.Double });
        Message.Observations.Add(DiscountUid, new TensorSpec
        {
            Name = DiscountName,
            Dtype = DataType.Double,
            Min = SpecBounds.FromDoubles(DataType.Double, [0]),
            Max = SpecBounds.FromDoubles(DataType.Double, [1]),
        });
    }

    /// <summary>The action tensors, UIDs 1, 2, ... in the space's order.</summary>
    public IReadOnlyList<TensorLeaf> Actions { get; }

    /// <summary>The env's observation tensors, UIDs 1, 2, ...; reward and discount follow them.</summary>
    public IReadOnlyList<TensorLeaf> Observations { get; }

    public ulong RewardUid { get; }

    public ulong DiscountUid { get; }

    /// <summary>The specs as JoinWorld and Reset send them.</summary>
    public ActionObservationSpecs Message { get; }

    /// <summary>The specs of an env with these spaces.</summary>
    public static WorldSpecs For(Space actionSpace, Space observationSpace) =>
        new(Flatten(actionSpace, ActionName), Flatten(observationSpace, ObservationName));

    public TensorLeaf? FindAction(ulong uid) => _actions.GetValueOrDefault(uid);

    public TensorLeaf? FindObservation(ulong uid) => _observations.GetValueOrDefault(uid);

    /// <summary>Whether <paramref name="uid"/> names an observation: one of the env's, reward or discount.</summary>
    public bool HasObservation(ulong uid) => _observations.ContainsKey(uid) || uid == RewardUid || uid == DiscountUid;

    /// <summary>The leaves of a space, numbered from 1, each with its place in the space's raw layout.</summary>
    private static List<TensorLeaf> Flatten(Space space, string name)
    {
        var leaves = new List<TensorLeaf>();
        Add(space, name, 0);
        return leaves;

        void Add(Space space, string name, int offset)
        {
            switch (space)
            {
                case TupleSpace tuple:
                    for (var i = 0; i < tuple.Spaces.Count; i++)
                    {
                        Add(tuple.Spaces[i], $"{name}.{i}", offset + tuple.ElementRange(i).Start.Value);
                    }
                    break;
                case DictSpace dict:
                    foreach (var key in dict.Keys)
                    {
                        Add(dict[key], $"{name}.{key}", offset + dict.ElementRange(key).Start.Value);
                    }
                    break;
                case Discrete or Box or MultiDiscrete or MultiBinary:
                    leaves.Add(new TensorLeaf((ulong)leaves.Count + 1, name, space, offset));
                    break;
                default:
                    throw new EnvException(EnvErrorCodes.UnsupportedSpace,
                        $"dm_env_rpc has no spec for a {space.TypeName} space ({name})");
            }
        }
    }
}

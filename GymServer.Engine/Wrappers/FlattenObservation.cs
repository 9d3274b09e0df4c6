using GymServer.Engine.Environments;

namespace GymServer.Engine.Wrappers;

/// <summary>
/// Gymnasium's <c>FlattenObservation(env)</c>: the observation space becomes <c>flatten_space</c> of it (a Box of
/// one dimension; see <see cref="SpaceFlattening"/>) and each observation its <c>flatten</c>.
/// </summary>
public sealed class FlattenObservation : ObservationWrapper
{
    private readonly SpaceFlattening _flattening;

    public FlattenObservation(IEnv env)
        : this(env, new SpaceFlattening(env.ObservationSpace))
    {
    }

    private FlattenObservation(IEnv env, SpaceFlattening flattening)
        : base(env, flattening.Space)
    {
        _flattening = flattening;
    }

    public static FlattenObservation Create(IEnv env, EnvKwargs kwargs) => new(env);

    protected override void Observe(ReadOnlySpan<byte> inner, Span<byte> observation) => _flattening.Flatten(inner, observation);
}

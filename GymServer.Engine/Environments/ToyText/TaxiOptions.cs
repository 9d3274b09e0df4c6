namespace GymServer.Engine.Environments.ToyText;

/// <summary>Which Gymnasium Taxi an env reproduces: the id's version decides its rules and kwargs.</summary>
public enum TaxiVersion
{
    /// <summary>Taxi-v3 as Gymnasium 1.2.2 has it: rain at a fixed 0.8, sideways moves checked with its quirks.</summary>
    V3,

    /// <summary>Taxi-v4 as Gymnasium 1.3.0 corrected it (unchanged in 1.4.0), with tunable probabilities.</summary>
    V4,
}

/// <summary>
/// The keyword arguments of Gymnasium's <c>TaxiEnv</c>: <c>is_rainy</c> and <c>fickle_passenger</c> (both versions),
/// <c>rainy_probability</c> and <c>fickle_probability</c> (Taxi-v4 only; Taxi-v3 refuses them, as 1.2.2's
/// constructor does). <see cref="RainyProbabilityIsInteger"/> says whether the probability was a JSON integer, because
/// Gymnasium hands it back as the info's prob unchanged, a Python int if it was one.
/// </summary>
public sealed record TaxiOptions(
    TaxiVersion Version,
    bool IsRainy = false,
    bool FicklePassenger = false,
    double RainyProbability = TaxiOptions.DefaultRainyProbability,
    bool RainyProbabilityIsInteger = false,
    double FickleProbability = TaxiOptions.DefaultFickleProbability)
{
    public const double DefaultRainyProbability = 0.8;
    public const double DefaultFickleProbability = 0.3;

    /// <summary>Each sideways move's probability in the rain: Gymnasium's <c>(1.0 - rainy_probability) / 2.0</c>.</summary>
    public double SidewaysProbability => (1.0 - RainyProbability) / 2.0;

    public static TaxiOptions FromKwargs(EnvKwargs kwargs, TaxiVersion version)
    {
        var options = new TaxiOptions(version, kwargs.GetBool("is_rainy", false), kwargs.GetBool("fickle_passenger", false));
        if (version == TaxiVersion.V3)
        {
            return options;
        }
        return options with
        {
            RainyProbability = Probability(kwargs, "rainy_probability", DefaultRainyProbability),
            RainyProbabilityIsInteger = kwargs.TryGet("rainy_probability", out var rainy) && rainy.TryGetInt64(out _),
            FickleProbability = Probability(kwargs, "fickle_probability", DefaultFickleProbability),
        };
    }

    // Gymnasium takes any number; outside 0..1 its categorical sampling gives meaningless moves, so refuse it.
    private static double Probability(EnvKwargs kwargs, string name, double defaultValue)
    {
        var value = kwargs.GetDouble(name, defaultValue);
        return value is >= 0 and <= 1 ? value : throw EnvKwargs.Invalid(name, "a probability between 0 and 1");
    }
}

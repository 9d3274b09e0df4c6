namespace GymServer.Engine.Environments.ToyText;

/// <summary>
/// One entry of a toy-text env's <c>P[s][a]</c> list: <c>(prob, next_state, reward, terminated)</c>.
/// <see cref="ProbabilityIsInteger"/> records whether Gymnasium's prob is a Python int, so the info writes it as one.
/// </summary>
internal readonly record struct Transition(
    double Probability,
    int NextState,
    double Reward,
    bool Terminated,
    bool ProbabilityIsInteger = false);

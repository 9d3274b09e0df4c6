namespace GymServer.Engine.Environments.ToyText;

/// <summary>
/// A toy-text env's <c>P[s][a]</c>, flattened at construction into arrays so that a step only reads: the transitions
/// of (s, a) sit at <c>_start[s * actions + a]</c> up to the next start, with their cumulative probabilities beside
/// them, summed once in Gymnasium's order.
/// </summary>
internal sealed class TransitionTable
{
    private readonly int[] _start;
    private readonly Transition[] _transitions;
    private readonly double[] _cumulative;

    private TransitionTable(int stateCount, int actionCount, int[] start, Transition[] transitions, double[] cumulative)
    {
        StateCount = stateCount;
        ActionCount = actionCount;
        _start = start;
        _transitions = transitions;
        _cumulative = cumulative;
    }

    public int StateCount { get; }

    public int ActionCount { get; }

    /// <summary>The transitions of (state, action), in the order Gymnasium lists them.</summary>
    public ReadOnlySpan<Transition> Of(int state, int action)
    {
        var key = (state * ActionCount) + action;
        return _transitions.AsSpan(_start[key], _start[key + 1] - _start[key]);
    }

    /// <summary><c>categorical_sample</c> over the transitions of (state, action) with the given random() draw.</summary>
    public ref readonly Transition Sample(int state, int action, double draw)
    {
        var key = (state * ActionCount) + action;
        var first = _start[key];
        var index = Categorical.FirstAbove(_cumulative.AsSpan(first, _start[key + 1] - first), draw);
        return ref _transitions[first + index];
    }

    /// <summary>Collects transitions in (state, action) order, as Gymnasium's constructors append them.</summary>
    public sealed class Builder(int stateCount, int actionCount)
    {
        private readonly List<Transition> _transitions = [];
        private readonly int[] _start = new int[(stateCount * actionCount) + 1];
        private int _lastKey = -1;

        public void Add(int state, int action, Transition transition)
        {
            var key = (state * actionCount) + action;
            if (key < _lastKey || (uint)state >= (uint)stateCount || (uint)action >= (uint)actionCount)
            {
                throw new InvalidOperationException($"transition for ({state}, {action}) added out of order");
            }
            // Every (state, action) key skipped so far starts, and ends empty, where this one starts.
            for (var skipped = _lastKey + 1; skipped <= key; skipped++)
            {
                _start[skipped] = _transitions.Count;
            }
            _lastKey = key;
            _transitions.Add(transition);
        }

        public TransitionTable Build()
        {
            for (var key = _lastKey + 1; key < _start.Length; key++)
            {
                _start[key] = _transitions.Count;
            }
            var transitions = _transitions.ToArray();
            var cumulative = new double[transitions.Length];
            for (var key = 0; key + 1 < _start.Length; key++)
            {
                var running = 0.0;
                for (var i = _start[key]; i < _start[key + 1]; i++)
                {
                    running += transitions[i].Probability;
                    cumulative[i] = running;
                }
            }
            for (var key = 0; key + 1 < _start.Length; key++)
            {
                if (_start[key] == _start[key + 1])
                {
                    throw new InvalidOperationException($"no transition for state {key / actionCount}, action {key % actionCount}");
                }
            }
            return new TransitionTable(stateCount, actionCount, _start, transitions, cumulative);
        }
    }
}

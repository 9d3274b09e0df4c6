// Tabular Q-learning on FrozenLake-v1 (is_slippery=false) served by GymServer.
// Usage: dotnet run --project clients/csharp/examples/FrozenLakeQLearning -- [host] [port] [map_name]
// Trains with epsilon-greedy exploration, then plays 100 greedy episodes and reports the success rate.
using System.Diagnostics;
using System.Text.Json.Nodes;
using GymServer.Client;
using GymServer.Client.Spaces;

var host = args.Length > 0 ? args[0] : "127.0.0.1";
var port = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 4040;
var map = args.Length > 2 ? args[2] : "4x4";
const int TrainingEpisodes = 3000;
const double LearningRate = 0.5;
const double Discount = 0.95;

var clock = Stopwatch.StartNew();
await using var client = await GymClient.ConnectAsync(host, port);
await using var env = await client.MakeAsync("FrozenLake-v1", new JsonObject { ["map_name"] = map, ["is_slippery"] = false });
var states = (int)((Discrete)env.ObservationSpace).N;
var actions = (int)((Discrete)env.ActionSpace).N;
var q = new double[states, actions];
var random = new Random(7);
Console.WriteLine($"{client.ServerVersion}: {env.Id} map {map}, {states} states, {actions} actions");

var successes = 0;
for (var episode = 1; episode <= TrainingEpisodes; episode++)
{
    // Explore a lot at first, then less: epsilon falls from 1 to 0.05 over the first two thirds.
    var epsilon = Math.Max(0.05, 1.0 - episode / (TrainingEpisodes * 2.0 / 3.0));
    var state = (int)(long)(await env.ResetAsync(seed: episode == 1 ? 0 : null)).Observation;
    while (true)
    {
        var action = random.NextDouble() < epsilon ? random.Next(actions) : Greedy(q, state, actions, random);
        var step = await env.StepAsync((long)action);
        var next = (int)(long)step.Observation;
        var target = step.Reward + (step.Terminated ? 0 : Discount * Max(q, next, actions));
        q[state, action] += LearningRate * (target - q[state, action]);
        state = next;
        if (step.Terminated || step.Truncated)
        {
            successes += step.Reward > 0 ? 1 : 0;
            break;
        }
    }
    if (episode % 500 == 0)
    {
        Console.WriteLine($"episode {episode,5}: epsilon {epsilon:F2}, success over the last 500 {successes / 500.0:P0}");
        successes = 0;
    }
}

var wins = 0;
for (var episode = 0; episode < 100; episode++)
{
    var state = (int)(long)(await env.ResetAsync()).Observation;
    while (true)
    {
        var step = await env.StepAsync((long)Greedy(q, state, actions, random));
        state = (int)(long)step.Observation;
        if (step.Terminated || step.Truncated)
        {
            wins += step.Reward > 0 ? 1 : 0;
            break;
        }
    }
}
Console.WriteLine($"greedy policy: {wins}/100 episodes reach the goal (success {wins / 100.0:P0}) in {clock.Elapsed.TotalSeconds:F1} s");
return wins >= 95 ? 0 : 1;

// Ties are broken at random, so an untrained state does not always pick action 0 (left).
static int Greedy(double[,] q, int state, int actions, Random random)
{
    var best = Max(q, state, actions);
    var candidates = Enumerable.Range(0, actions).Where(a => q[state, a] == best).ToArray();
    return candidates[random.Next(candidates.Length)];
}

static double Max(double[,] q, int state, int actions) => Enumerable.Range(0, actions).Max(a => q[state, a]);

// Tabular Q-learning on FrozenLake-v1 (non-slippery) over protocol 2, printing its progress, then
// a greedy evaluation over 100 episodes (goal: success >= 0.95).
//   frozen_lake_q_learning [host] [port] [map: 4x4 or 8x8]
#include <algorithm>
#include <array>
#include <iomanip>
#include <iostream>
#include <random>
#include <vector>

#include "gymserver/client.hpp"

namespace {
constexpr double kLearningRate = 0.5;
constexpr double kDiscount = 0.95;
constexpr int kEpisodes = 1500;
constexpr int kReportEvery = 150;

using QTable = std::vector<std::array<double, 4>>;

// The best action of a state, ties broken at random so that an untrained table still explores.
int greedy(const QTable& q, int state, std::mt19937& random) {
  const auto& values = q[static_cast<size_t>(state)];
  double best = *std::max_element(values.begin(), values.end());
  std::vector<int> ties;
  for (int a = 0; a < 4; ++a) {
    if (values[static_cast<size_t>(a)] == best) ties.push_back(a);
  }
  return ties[std::uniform_int_distribution<size_t>(0, ties.size() - 1)(random)];
}

// Runs one episode; learns from it when learning is set. Returns the episode's reward (1: goal).
double episode(gymserver::Env& env, QTable& q, double epsilon, bool learning,
               std::mt19937& random) {
  int state = env.reset().observation.get<int>();
  std::uniform_real_distribution<double> coin(0.0, 1.0);
  for (;;) {
    int action = coin(random) < epsilon ? std::uniform_int_distribution<int>(0, 3)(random)
                                        : greedy(q, state, random);
    gymserver::StepResult step = env.step(action);
    int next = step.observation.get<int>();
    if (learning) {
      double future = step.terminated ? 0.0
                                      : *std::max_element(q[static_cast<size_t>(next)].begin(),
                                                          q[static_cast<size_t>(next)].end());
      double& value = q[static_cast<size_t>(state)][static_cast<size_t>(action)];
      value += kLearningRate * (step.reward + kDiscount * future - value);
    }
    state = next;
    if (step.done()) return step.reward;
  }
}
}  // namespace

int main(int argc, char** argv) {
  const std::string host = argc > 1 ? argv[1] : "127.0.0.1";
  const std::string port = argc > 2 ? argv[2] : "4040";
  const std::string map = argc > 3 ? argv[3] : "4x4";
  try {
    gymserver::Client client(host, port);
    gymserver::Env env = client.make("FrozenLake-v1", {{"map_name", map}, {"is_slippery", false}});
    env.reset(42);  // seeds the env once; later resets continue its generator
    QTable q(static_cast<size_t>(env.observation_space().n), {0, 0, 0, 0});
    std::mt19937 random(7);
    std::cout << "Q-learning on FrozenLake-v1 " << map << " (non-slippery), " << client.server()
              << "\n";
    double successes = 0;
    for (int i = 1; i <= kEpisodes; ++i) {
      double epsilon = std::max(0.05, 1.0 - static_cast<double>(i) / (0.6 * kEpisodes));
      successes += episode(env, q, epsilon, true, random);
      if (i % kReportEvery == 0) {
        std::cout << "episode " << std::setw(5) << i << "  epsilon " << std::fixed
                  << std::setprecision(2) << epsilon << "  training success "
                  << successes / kReportEvery << "\n";
        successes = 0;
      }
    }
    double wins = 0;
    for (int i = 0; i < 100; ++i) wins += episode(env, q, 0.0, false, random);
    std::cout << "greedy policy: success " << wins / 100 << " over 100 episodes"
              << (wins >= 95 ? " (solved: >= 0.95)" : " (not solved)") << "\n";
    return wins >= 95 ? 0 : 1;
  } catch (const gymserver::Error& error) {
    std::cerr << "error " << error.code() << ": " << error.message() << "\n";
    return 1;
  }
}

// A random agent over protocol 1, as gym_tcp_api's C++ example: one CartPole-v1 episode with
// sampled actions, compressed replies and episode statistics.
//   random_agent [host] [port] [env id]
#include <iostream>

#include "gymserver/environment.hpp"

int main(int argc, char** argv) {
  const std::string host = argc > 1 ? argv[1] : "127.0.0.1";
  const std::string port = argc > 2 ? argv[2] : "4040";
  const std::string env_id = argc > 3 ? argv[3] : "CartPole-v1";
  try {
    gymserver::Environment env(host, port, env_id);
    std::cout << "instance " << env.instance << ": observations "
              << env.observation_space.description << ", actions " << env.action_space.description
              << "\n";
    env.compression(9);
    env.record_episode_stats.start();
    env.reset();
    double total_reward = 0;
    int steps = 0;
    while (!env.done) {
      gymserver::Json action = env.sample();
      env.step(action);
      total_reward += env.reward;
      ++steps;
      std::cout << "step " << steps << ": action " << action << ", reward " << env.reward << "\n";
    }
    std::cout << "episode over after " << steps << " steps, return " << total_reward
              << ", server's statistics " << env.info["episode"] << "\n";
    env.close();
    std::cout << "recordings: /media/" << env.url() << "\n";
  } catch (const gymserver::Error& error) {
    std::cerr << "error " << error.code() << ": " << error.message() << "\n";
    return 1;
  }
  return 0;
}

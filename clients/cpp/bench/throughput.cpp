// Lockstep CartPole-v1 throughput of the C++ client over one connection: each request is sent only
// after the previous reply was read, as bench/GymServer.LoadGen does for the server.
//   gymserver_bench [host] [port] [seconds per mode] [num_envs for the vector modes]
// Modes: protocol 1 (Environment, the original client's request), protocol 2 (Env), and protocol 2
// vector envs in JSON and binary step_vec (env steps per second: num_envs per round trip).
#include <chrono>
#include <functional>
#include <iomanip>
#include <iostream>

#include "gymserver/gymserver.hpp"

namespace {
using Clock = std::chrono::steady_clock;

// Calls round_trip (which returns the env steps it made) for the given time; prints the rates.
void measure(const std::string& name, double seconds, const std::function<int()>& round_trip) {
  for (auto warmup = Clock::now(); Clock::now() - warmup < std::chrono::milliseconds(300);)
    round_trip();
  long long trips = 0, steps = 0;
  auto start = Clock::now();
  auto end = start + std::chrono::duration<double>(seconds);
  while (Clock::now() < end) {
    steps += round_trip();
    ++trips;
  }
  double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  std::cout << std::left << std::setw(34) << name << std::right << std::fixed
            << std::setprecision(0) << std::setw(12) << steps / elapsed << " steps/s"
            << std::setw(10) << trips / elapsed << " round trips/s" << std::setprecision(1)
            << std::setw(8) << 1e6 * elapsed / trips << " us/round trip\n";
}
}  // namespace

int main(int argc, char** argv) {
  const std::string host = argc > 1 ? argv[1] : "127.0.0.1";
  const std::string port = argc > 2 ? argv[2] : "4040";
  const double seconds = argc > 3 ? std::stod(argv[3]) : 5.0;
  const int num_envs = argc > 4 ? std::stoi(argv[4]) : 64;
  try {
    gymserver::Environment p1(host, port, "CartPole-v1");
    p1.reset();
    measure("protocol 1 step", seconds, [&] {
      p1.step(0);
      if (p1.done) p1.reset();  // resets are extra round trips, not counted as steps
      return 1;
    });

    gymserver::ClientOptions json_options;
    json_options.encoding = gymserver::Encoding::kJson;
    gymserver::Client client(host, port, json_options);
    gymserver::Env env = client.make("CartPole-v1");
    env.reset(0);
    measure("protocol 2 step", seconds, [&] {
      if (env.step(0).done()) env.reset();
      return 1;
    });

    std::vector<gymserver::Json> actions(static_cast<size_t>(num_envs), 0);
    gymserver::VectorEnv json_envs = client.make_vec("CartPole-v1", num_envs);
    json_envs.reset(0);
    measure("protocol 2 step_vec json x" + std::to_string(num_envs), seconds, [&] {
      json_envs.step(actions);
      return num_envs;
    });

    gymserver::ClientOptions options;
    options.encoding = gymserver::Encoding::kBinary;
    gymserver::Client binary_client(host, port, options);
    gymserver::Env binary_env = binary_client.make("CartPole-v1");
    binary_env.reset(0);
    measure("protocol 2 step binary", seconds, [&] {
      if (binary_env.step(0).done()) binary_env.reset();
      return 1;
    });

    gymserver::VectorEnv binary_envs = binary_client.make_vec("CartPole-v1", num_envs);
    binary_envs.reset(0);
    measure("protocol 2 step_vec binary x" + std::to_string(num_envs), seconds, [&] {
      binary_envs.step(actions);
      return num_envs;
    });
  } catch (const gymserver::Error& error) {
    std::cerr << "error " << error.code() << ": " << error.message() << "\n";
    return 1;
  }
  return 0;
}

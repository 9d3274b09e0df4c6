// Protocol 1 (gym_tcp_api's): one env per connection, with the original C++ client's API.
#ifndef GYMSERVER_ENVIRONMENT_HPP
#define GYMSERVER_ENVIRONMENT_HPP

#include <cstdint>
#include <string>

#include "gymserver/connection.hpp"
#include "gymserver/json.hpp"
#include "gymserver/space.hpp"

namespace gymserver {

class Environment;

/// Environment::record_episode_stats: start() asks the server to report each episode's return and
/// length in the info of its last step (info["episode"] = {"r":..,"l":..,"t":..}).
class RecordEpisodeStatistics {
 public:
  explicit RecordEpisodeStatistics(Environment& environment) : environment_(environment) {}
  void start();

 private:
  Environment& environment_;
};

/// A protocol-1 connection and its env, shaped like gym_tcp_api's C++ client: the results of the
/// last call are kept in the public members (observation, reward, done, info) and returned too.
/// Not copyable or movable (record_episode_stats refers back to it).
class Environment {
 public:
  Environment(const std::string& host, const std::string& port, Timeouts timeouts = {},
              const Tls& tls = {})
      : connection_(host, port, timeouts, tls) {}
  Environment(const std::string& host, const std::string& port, const std::string& env_id,
              Timeouts timeouts = {}, const Tls& tls = {})
      : Environment(host, port, timeouts, tls) {
    make(env_id);
  }
  Environment(const Environment&) = delete;
  Environment& operator=(const Environment&) = delete;

  /// Makes the connection's env (closing the previous one) and reads both spaces. The server turns
  /// compression back off.
  void make(const std::string& env_id) {
    instance = request({{"env", {{"name", env_id}}}}).at("instance").get<std::string>();
    observation_space =
        Space::from_json(request({{"env", {{"action", "observationspace"}}}}).at("info"));
    action_space = Space::from_json(request({{"env", {{"action", "actionspace"}}}}).at("info"));
  }

  /// Resets the env (with the seed of an earlier seed() call, if any).
  const Json& reset() {
    observation = std::move(request({{"env", {{"action", "reset"}}}}).at("observation"));
    done = false;
    return observation;
  }

  /// Steps the env; the results land in observation, reward, done and info.
  const Json& step(const Json& action) {
    Json reply = request({{"step", {{"action", action}, {"render", 0}}}});
    observation = std::move(reply.at("observation"));
    reward = to_double(reply.at("reward"));
    done = reply.at("done").get<bool>();
    info = std::move(reply.at("info"));
    return observation;
  }

  /// A random action from the action space, drawn by the server.
  Json sample() { return std::move(request({{"env", {{"actionspace", "sample"}}}}).at("sample")); }

  /// The next reset uses this seed. No reply: an error (no env) comes back from the next request.
  void seed(uint64_t seed) { send({{"env", {{"seed", std::to_string(seed)}}}}); }

  /// zlib-compresses every following reply at this level (0, off, to 9). Replies are told apart by
  /// their first byte ('{' or a zlib header), so the client needs no state for it.
  void compression(int level) { send({{"server", {{"compression", std::to_string(level)}}}}); }

  /// Closes the env; the connection stays open and make() can be called again.
  void close() { send({{"env", {{"action", "close"}}}}); }

  /// Where the recordings of the connection's last env are published (a path under /media/).
  std::string url() { return request({{"url", {{"action", "url"}}}}).at("url").get<std::string>(); }

  /// Sends one request that has a reply and returns it (ServerError for an error reply).
  Json request(const Json& message) {
    connection_.send_line(message.dump());
    return connection_.read_json_reply(/*maybe_compressed=*/true);
  }

  /// Sends one request that has no reply.
  void send(const Json& message) { connection_.send_line(message.dump()); }

  Space observation_space;
  Space action_space;
  RecordEpisodeStatistics record_episode_stats{*this};
  /// The instance id the server gave the env.
  std::string instance;
  Json observation;
  double reward = 0;
  /// terminated or truncated (protocol 1 has no finer flag; use Client for protocol 2).
  bool done = false;
  Json info;

 private:
  Connection connection_;
};

inline void RecordEpisodeStatistics::start() {
  environment_.send({{"record_episode_stats", {{"action", "start"}}}});
}

}  // namespace gymserver

#endif  // GYMSERVER_ENVIRONMENT_HPP

// A single env of a protocol-2 connection (declarations; include gymserver/client.hpp).
#ifndef GYMSERVER_ENV_HPP
#define GYMSERVER_ENV_HPP

#include <cstdint>
#include <optional>
#include <string>

#include "gymserver/json.hpp"
#include "gymserver/results.hpp"
#include "gymserver/space.hpp"

namespace gymserver {

class Client;

/// The encodings of protocol 2: JSON lines, or binary frames for reset, step, sample, reset_vec and
/// step_vec. kAuto (ClientOptions' default) asks for binary and takes JSON from a server without it.
enum class Encoding { kAuto, kJson, kBinary };

/// A handle to one env on the server, made by Client::make. Copies refer to the same env.
class Env {
 public:
  Env(Client& client, const Json& make_reply);

  /// env.reset(seed=seed, options=options); no seed continues the env's generator.
  ResetResult reset(std::optional<uint64_t> seed = std::nullopt, const Json& options = nullptr);
  /// env.step(action), the action in its space's JSON form (1, [0.5], {"a":1}, ...).
  StepResult step(const Json& action);
  /// env.action_space.sample(), drawn by the server.
  Json sample();
  /// env.close(). The handle is unusable afterwards.
  void close();

  const std::string& instance() const { return instance_; }
  /// The Gymnasium id, without a backend prefix.
  const std::string& id() const { return id_; }
  /// The backend that runs the env ("native" or "python").
  const std::string& backend() const { return backend_; }
  const Space& observation_space() const { return observation_space_; }
  const Space& action_space() const { return action_space_; }
  /// Whether reset, step and sample travel as binary frames.
  bool binary() const;

 private:
  Client* client_;
  std::string instance_, id_, backend_;
  Space observation_space_, action_space_;
};

}  // namespace gymserver

#endif  // GYMSERVER_ENV_HPP

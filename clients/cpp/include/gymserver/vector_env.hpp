// A vector env of a protocol-2 connection (declarations; include gymserver/client.hpp).
#ifndef GYMSERVER_VECTOR_ENV_HPP
#define GYMSERVER_VECTOR_ENV_HPP

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gymserver/json.hpp"
#include "gymserver/results.hpp"
#include "gymserver/space.hpp"

namespace gymserver {

class Client;

/// A handle to a vector env (Gymnasium's SyncVectorEnv, next-step autoreset), made by
/// Client::make_vec. Copies refer to the same vector env.
class VectorEnv {
 public:
  VectorEnv(Client& client, const Json& make_reply);

  /// envs.reset(seed=seed, options=options): sub-env i is reset with seed + i.
  VecResetResult reset(std::optional<uint64_t> seed = std::nullopt, const Json& options = nullptr);
  /// envs.step(actions), one action per sub-env. Sent as a binary frame when the client negotiated
  /// the binary encoding, as JSON otherwise; the result is the same either way.
  VecStepResult step(const std::vector<Json>& actions);
  /// Closes every sub-env. The handle is unusable afterwards.
  void close();

  const std::string& instance() const { return instance_; }
  const std::string& id() const { return id_; }
  int num_envs() const { return num_envs_; }
  const Space& single_observation_space() const { return observation_space_; }
  const Space& single_action_space() const { return action_space_; }

 private:
  VecStepResult step_json(const std::vector<Json>& actions);
  VecStepResult step_binary(const std::vector<Json>& actions);

  Client* client_;
  std::string instance_, id_;
  int num_envs_;
  Space observation_space_, action_space_;
};

}  // namespace gymserver

#endif  // GYMSERVER_VECTOR_ENV_HPP

// VectorEnv's methods, which need the complete Client (included at the end of
// gymserver/client.hpp).
#ifndef GYMSERVER_VECTOR_ENV_IMPL_HPP
#define GYMSERVER_VECTOR_ENV_IMPL_HPP

#include "gymserver/binary.hpp"
#include "gymserver/client.hpp"

namespace gymserver {

inline VectorEnv::VectorEnv(Client& client, const Json& make_reply)
    : client_(&client),
      instance_(make_reply.at("instance").get<std::string>()),
      id_(make_reply.value("id", std::string())),
      num_envs_(make_reply.at("num_envs").get<int>()),
      observation_space_(Space::from_json(make_reply.at("single_observation_space"))),
      action_space_(Space::from_json(make_reply.at("single_action_space"))) {}

inline VecResetResult VectorEnv::reset(std::optional<uint64_t> seed, const Json& options) {
  if (client_->encoding() == Encoding::kBinary) {
    std::string payload = binary::exchange(
        client_->connection(),
        binary::reset_request(binary::kResetVecRequest, instance_, seed, options));
    binary::PayloadReader reader(payload);
    uint32_t count = reader.u32();
    uint32_t observation_bytes = reader.u32();
    if (count != static_cast<uint32_t>(num_envs_) ||
        observation_bytes != observation_space_.byte_size()) {
      throw ConnectionError("protocol_error", "a reset_vec reply for " + std::to_string(count) +
                                                  " env(s) of " +
                                                  std::to_string(observation_bytes) + " bytes");
    }
    VecResetResult result;
    for (uint32_t i = 0; i < count; ++i) {
      const unsigned char* data = reader.take(observation_bytes);
      result.observations.push_back(observation_space_.read_value(data));
    }
    Json infos = reader.json(Json::array());
    reader.expect_end();
    if (infos.empty()) infos = Json(std::vector<Json>(count, Json::object()));
    if (!infos.is_array() || infos.size() != count)
      throw ConnectionError("protocol_error", "the infos of a reset_vec reply are not a list");
    for (auto& info : infos) result.infos.push_back(std::move(info));
    return result;
  }
  Json reply = client_->request(detail::reset_request("reset_vec", instance_, seed, options));
  VecResetResult result;
  for (auto& observation : reply.at("observations"))
    result.observations.push_back(std::move(observation));
  for (auto& info : reply.at("infos")) result.infos.push_back(std::move(info));
  return result;
}

inline VecStepResult VectorEnv::step(const std::vector<Json>& actions) {
  return client_->encoding() == Encoding::kBinary ? step_binary(actions) : step_json(actions);
}

inline void VectorEnv::close() { client_->request({{"close", {{"instance", instance_}}}}); }

inline VecStepResult VectorEnv::step_json(const std::vector<Json>& actions) {
  Json list = Json::array();
  for (const auto& action : actions) list.push_back(action);
  Json reply = client_->request({{"step_vec", {{"instance", instance_}, {"actions", list}}}});
  VecStepResult result;
  for (auto& observation : reply.at("observations"))
    result.observations.push_back(std::move(observation));
  for (const auto& reward : reply.at("rewards")) result.rewards.push_back(to_double(reward));
  for (const auto& flag : reply.at("terminated")) result.terminated.push_back(flag.get<bool>());
  for (const auto& flag : reply.at("truncated")) result.truncated.push_back(flag.get<bool>());
  for (auto& info : reply.at("infos")) result.infos.push_back(std::move(info));
  return result;
}

inline VecStepResult VectorEnv::step_binary(const std::vector<Json>& actions) {
  std::string payload = binary::exchange(
      client_->connection(), binary::step_vec_request(instance_, action_space_, actions));
  binary::PayloadReader reader(payload);
  uint32_t count = reader.u32();
  uint32_t observation_bytes = reader.u32();
  if (observation_bytes != observation_space_.byte_size()) {
    throw ConnectionError("protocol_error", "binary observations of " +
                                                std::to_string(observation_bytes) +
                                                " bytes, but the space's layout has " +
                                                std::to_string(observation_space_.byte_size()));
  }
  VecStepResult result;
  for (uint32_t i = 0; i < count; ++i) {
    const unsigned char* data = reader.take(observation_bytes);
    result.observations.push_back(observation_space_.read_value(data));
  }
  const unsigned char* rewards = reader.take(count * sizeof(double));
  result.rewards.resize(count);
  if (count > 0) std::memcpy(result.rewards.data(), rewards, count * sizeof(double));
  const unsigned char* terminated = reader.take(count);
  result.terminated.assign(terminated, terminated + count);
  const unsigned char* truncated = reader.take(count);
  result.truncated.assign(truncated, truncated + count);
  uint32_t info_bytes = reader.u32();
  if (info_bytes == 0) {
    result.infos.assign(count, Json::object());
  } else {
    const unsigned char* text = reader.take(info_bytes);
    Json infos = Json::parse(text, text + info_bytes, nullptr, false);
    if (infos.is_discarded() || !infos.is_array() || infos.size() != count) {
      throw ConnectionError("protocol_error", "the infos of a binary reply are not a list of " +
                                                  std::to_string(count));
    }
    for (auto& info : infos) result.infos.push_back(std::move(info));
  }
  if (!reader.at_end())
    throw ConnectionError("protocol_error", "bytes after a binary reply's infos");
  return result;
}

}  // namespace gymserver

#endif  // GYMSERVER_VECTOR_ENV_IMPL_HPP

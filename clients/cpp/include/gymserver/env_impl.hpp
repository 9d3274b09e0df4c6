// Env's methods, which need the complete Client (included at the end of gymserver/client.hpp).
#ifndef GYMSERVER_ENV_IMPL_HPP
#define GYMSERVER_ENV_IMPL_HPP

#include "gymserver/binary.hpp"
#include "gymserver/client.hpp"

namespace gymserver {

namespace detail {
inline Json reset_request(const char* command, const std::string& instance,
                          std::optional<uint64_t> seed, const Json& options) {
  Json arguments = {{"instance", instance}};
  if (seed) arguments["seed"] = *seed;
  if (!options.is_null()) arguments["options"] = options;
  return {{command, arguments}};
}
}  // namespace detail

inline Env::Env(Client& client, const Json& make_reply)
    : client_(&client),
      instance_(make_reply.at("instance").get<std::string>()),
      id_(make_reply.value("id", std::string())),
      backend_(make_reply.value("backend", std::string())),
      observation_space_(Space::from_json(make_reply.at("observation_space"))),
      action_space_(Space::from_json(make_reply.at("action_space"))) {}

inline bool Env::binary() const { return client_->encoding() == Encoding::kBinary; }

inline ResetResult Env::reset(std::optional<uint64_t> seed, const Json& options) {
  if (binary()) {
    std::string payload = binary::exchange(
        client_->connection(), binary::reset_request(binary::kResetRequest, instance_, seed, options));
    binary::PayloadReader reader(payload);
    ResetResult result{reader.value(observation_space_), reader.json(Json::object())};
    reader.expect_end();
    return result;
  }
  Json reply = client_->request(detail::reset_request("reset", instance_, seed, options));
  return {std::move(reply.at("observation")), std::move(reply.at("info"))};
}

inline StepResult Env::step(const Json& action) {
  if (binary()) {
    std::string frame =
        binary::begin_request(binary::kStepRequest, instance_, action_space_.byte_size());
    action_space_.write_value(action, frame);
    binary::finish(frame);
    std::string payload = binary::exchange(client_->connection(), frame);
    binary::PayloadReader reader(payload);
    StepResult result;
    result.observation = reader.value(observation_space_);
    std::memcpy(&result.reward, reader.take(sizeof(double)), sizeof(double));
    result.terminated = *reader.take(1) != 0;
    result.truncated = *reader.take(1) != 0;
    result.info = reader.json(Json::object());
    reader.expect_end();
    return result;
  }
  Json reply = client_->request({{"step", {{"instance", instance_}, {"action", action}}}});
  StepResult result;
  result.observation = std::move(reply.at("observation"));
  result.reward = to_double(reply.at("reward"));
  result.terminated = reply.at("terminated").get<bool>();
  result.truncated = reply.at("truncated").get<bool>();
  result.info = std::move(reply.at("info"));
  return result;
}

inline Json Env::sample() {
  if (binary()) {
    std::string frame = binary::begin_request(binary::kSampleRequest, instance_);
    binary::finish(frame);
    std::string payload = binary::exchange(client_->connection(), frame);
    binary::PayloadReader reader(payload);
    Json action = reader.value(action_space_);
    reader.expect_end();
    return action;
  }
  return std::move(client_->request({{"sample", {{"instance", instance_}}}}).at("sample"));
}

inline void Env::close() { client_->request({{"close", {{"instance", instance_}}}}); }

}  // namespace gymserver

#endif  // GYMSERVER_ENV_IMPL_HPP

// Env's methods, which need the complete Client (included at the end of gymserver/client.hpp).
#ifndef GYMSERVER_ENV_IMPL_HPP
#define GYMSERVER_ENV_IMPL_HPP

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

inline ResetResult Env::reset(std::optional<uint64_t> seed, const Json& options) {
  Json reply = client_->request(detail::reset_request("reset", instance_, seed, options));
  return {std::move(reply.at("observation")), std::move(reply.at("info"))};
}

inline StepResult Env::step(const Json& action) {
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
  return std::move(client_->request({{"sample", {{"instance", instance_}}}}).at("sample"));
}

inline void Env::close() { client_->request({{"close", {{"instance", instance_}}}}); }

}  // namespace gymserver

#endif  // GYMSERVER_ENV_IMPL_HPP

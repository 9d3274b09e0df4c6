// Protocol 2 (the Gymnasium 1.x API): a connection holding many envs and vector envs.
#ifndef GYMSERVER_CLIENT_HPP
#define GYMSERVER_CLIENT_HPP

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gymserver/connection.hpp"
#include "gymserver/env.hpp"
#include "gymserver/json.hpp"
#include "gymserver/results.hpp"
#include "gymserver/space.hpp"
#include "gymserver/vector_env.hpp"

namespace gymserver {

/// How a Client connects.
struct ClientOptions {
  Timeouts timeouts;
  /// kAuto (the default) asks for the binary encoding at the handshake and speaks JSON to a server
  /// without it; kBinary requires it; kJson keeps JSON lines. With binary, Env's reset, step and
  /// sample and VectorEnv's reset and step send binary frames (every other request stays JSON).
  Encoding encoding = Encoding::kAuto;
  /// TLS, for a server whose TCP port speaks it (off by default).
  Tls tls;
  /// Frame compressions to propose at the handshake, most wanted first ("lz4", "zstd"); they need
  /// binary frames (kAuto or kBinary). The server picks the first it allows (Client::compression()) and compresses
  /// its larger binary replies with it. Empty (the default): none proposed.
  std::vector<std::string> compression;
};

/// An env id the server serves, with the spaces of an env made without keyword arguments.
struct EnvSpec {
  std::string id;
  std::string backend;
  Space observation_space;
  Space action_space;
};

/// One protocol-2 connection. The constructor connects and sends the handshake. Env and VectorEnv
/// handles refer to their Client, which must outlive them (so it is neither copied nor moved); one
/// Client is not for concurrent use by several threads.
class Client {
 public:
  Client(const std::string& host, const std::string& port, ClientOptions options = {})
      : connection_(host, port, options.timeouts, options.tls) {
    Json handshake = {{"server", {{"protocol", 2}}}};
    if (options.encoding != Encoding::kJson) handshake["server"]["encoding"] = "binary";
    if (!options.compression.empty()) {
      if (options.encoding == Encoding::kJson) {
        throw Error("invalid_argument", "compression applies to binary frames: leave the encoding kAuto or kBinary");
      }
      handshake["server"]["codecs"] = options.compression;
    }
    Json reply;
    try {
      reply = request(handshake);
    } catch (const ServerError& refused) {
      // A server without the binary encoding refuses the field: this connection speaks JSON.
      if (options.encoding != Encoding::kAuto ||
          (refused.code() != "invalid_argument" && refused.code() != "invalid_request"))
        throw;
      reply = request({{"server", {{"protocol", 2}}}});
    }
    server_ = reply.value("server", std::string());
    compression_ = reply.value("codec", std::string("none"));
    std::string granted = reply.value("encoding", std::string("json"));
    if (options.encoding == Encoding::kBinary && granted != "binary") {
      throw ConnectionError(
          "protocol_error",
          "the server did not grant the binary encoding (it answered " + reply.dump() + ")");
    }
    encoding_ = granted == "binary" ? Encoding::kBinary : Encoding::kJson;
  }

  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  /// The server's name and release, from the handshake ("GymServer 1.0.0").
  const std::string& server() const { return server_; }
  /// The encoding the server granted: kBinary or kJson.
  Encoding encoding() const { return encoding_; }
  /// The frame compression the server agreed to: "lz4", "zstd" or "none".
  const std::string& compression() const { return compression_; }

  /// Sends one request object and returns its reply; throws ServerError for an error reply. The
  /// escape hatch for requests this class has no method for.
  Json request(const Json& message) {
    connection_.send_line(message.dump());
    return connection_.read_json_reply();
  }

  /// gymnasium.make(id, render_mode, **kwargs).
  Env make(const std::string& id, const Json& kwargs = nullptr,
           const std::optional<std::string>& render_mode = std::nullopt);

  /// gymnasium.make_vec(id, num_envs, vectorization_mode="sync", **kwargs).
  VectorEnv make_vec(const std::string& id, int num_envs, const Json& kwargs = nullptr);

  /// Every env id the server serves.
  std::vector<EnvSpec> list_envs() {
    Json reply = request({{"list_envs", Json::object()}});
    std::vector<EnvSpec> specs;
    for (const auto& entry : reply.at("envs")) {
      specs.push_back({entry.at("id").get<std::string>(), entry.at("backend").get<std::string>(),
                       Space::from_json(entry.at("observation_space")),
                       Space::from_json(entry.at("action_space"))});
    }
    return specs;
  }

  /// Closes every env and vector env of the connection.
  void close_all() { request({{"close", {{"all", true}}}}); }

  /// The underlying connection (binary frames are written and read through it).
  Connection& connection() { return connection_; }

 private:
  Connection connection_;
  Encoding encoding_ = Encoding::kJson;
  std::string server_;
  std::string compression_ = "none";
};

inline Env Client::make(const std::string& id, const Json& kwargs,
                        const std::optional<std::string>& render_mode) {
  Json arguments = {{"id", id}};
  if (!kwargs.is_null()) arguments["kwargs"] = kwargs;
  if (render_mode) arguments["render_mode"] = *render_mode;
  return Env(*this, request({{"make", arguments}}));
}

inline VectorEnv Client::make_vec(const std::string& id, int num_envs, const Json& kwargs) {
  Json arguments = {{"id", id}, {"num_envs", num_envs}};
  if (!kwargs.is_null()) arguments["kwargs"] = kwargs;
  return VectorEnv(*this, request({{"make_vec", arguments}}));
}

}  // namespace gymserver

#include "gymserver/env_impl.hpp"
#include "gymserver/vector_env_impl.hpp"

#endif  // GYMSERVER_CLIENT_HPP

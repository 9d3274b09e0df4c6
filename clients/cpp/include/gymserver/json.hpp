// The JSON type of the client and the helpers every request shares.
#ifndef GYMSERVER_JSON_HPP
#define GYMSERVER_JSON_HPP

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "gymserver/error.hpp"

namespace gymserver {

/// JSON values (observations, actions, infos, space descriptions). Ordered, so a Dict space's keys
/// stay in the order the server sent them, which is the order of its binary layout.
using Json = nlohmann::ordered_json;

/// A number of a JSON value, reading the server's non-finite forms "nan", "inf" and "-inf".
inline double to_double(const Json& value) {
  if (value.is_number()) return value.get<double>();
  if (value.is_boolean()) return value.get<bool>() ? 1.0 : 0.0;
  if (value.is_string()) {
    const auto& text = value.get_ref<const std::string&>();
    if (text == "nan") return std::numeric_limits<double>::quiet_NaN();
    if (text == "inf") return std::numeric_limits<double>::infinity();
    if (text == "-inf") return -std::numeric_limits<double>::infinity();
  }
  throw Error("invalid_value", "not a number: " + value.dump());
}

namespace detail {
inline void flatten_into(const Json& value, std::vector<double>& out) {
  if (value.is_array()) {
    for (const auto& element : value) flatten_into(element, out);
  } else if (value.is_object()) {
    for (const auto& member : value.items()) flatten_into(member.value(), out);
  } else {
    out.push_back(to_double(value));
  }
}
}  // namespace detail

/// Every number of an observation (nested lists, Tuple lists, Dict objects) in order, flattened:
/// the form a linear model or a table index wants.
inline std::vector<double> to_vector(const Json& value) {
  std::vector<double> out;
  detail::flatten_into(value, out);
  return out;
}

namespace detail {
/// Parses a reply body; a reply that is not JSON means the stream is out of step.
inline Json parse_reply(const std::string& body) {
  Json reply = Json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (reply.is_discarded() || !reply.is_object()) {
    throw ConnectionError("protocol_error",
                          "the server's reply is not a JSON object: " + body.substr(0, 200));
  }
  return reply;
}

/// The errors the server sends on its own before it closes the connection.
inline bool ends_connection(const std::string& code) {
  return code == "server_shutting_down" || code == "idle_timeout" || code == "too_many_connections" ||
         code == "tls_required";
}

/// Throws the ServerError a reply {"error":{"code":..,"message":..}} carries.
inline void throw_if_error(const Json& reply) {
  auto error = reply.find("error");
  if (error == reply.end() || !error->is_object()) return;
  std::string code = error->value("code", std::string("unknown_error"));
  std::string message = error->value("message", std::string());
  throw ServerError(code, message);
}
}  // namespace detail

}  // namespace gymserver

#endif  // GYMSERVER_JSON_HPP

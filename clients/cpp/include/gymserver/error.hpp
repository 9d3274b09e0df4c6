// Errors the client throws: the server's own errors (with its code and message) and connection
// failures.
#ifndef GYMSERVER_ERROR_HPP
#define GYMSERVER_ERROR_HPP

#include <stdexcept>
#include <string>

namespace gymserver {

/// Any failure of a GymServer call. code() is the server's snake_case error code (unknown_env,
/// invalid_action, ...) or one of the client's own: connection_failed, connection_closed, timeout,
/// protocol_error, tls_failed (the TLS handshake failed, or this build has no TLS).
class Error : public std::runtime_error {
 public:
  Error(std::string code, const std::string& message)
      : std::runtime_error(code + ": " + message), code_(std::move(code)), message_(message) {}

  /// The error code, as the server names it (or the client's own, see above).
  const std::string& code() const noexcept { return code_; }
  /// The message for people, without the code.
  const std::string& message() const noexcept { return message_; }

 private:
  std::string code_;
  std::string message_;
};

/// The server answered a request with {"error":{"code":..,"message":..}}. The connection goes on
/// (except after the errors the server sends on its own: too_many_connections, idle_timeout,
/// server_shutting_down, tls_required).
class ServerError : public Error {
 public:
  using Error::Error;
};

/// The connection could not be made, was closed, timed out or carried bytes that are not the
/// protocol. The connection is unusable afterwards: make a new one.
class ConnectionError : public Error {
 public:
  using Error::Error;
};

}  // namespace gymserver

#endif  // GYMSERVER_ERROR_HPP

// Connection failures: refused, read timeout, the server gone mid-session.
#include <cstdlib>

#include "gymserver/gymserver.hpp"
#include "harness.hpp"

using gymserver::ConnectionError;

namespace {
// A port nothing listens on: bound, then closed again.
std::string closed_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(fd);
  return std::to_string(ntohs(address.sin_port));
}

void run_fixture(const std::string& action, const std::string& state) {
  const char* script = std::getenv("GYMSERVER_FIXTURE");
  if (script == nullptr)
    throw harness::Failure("GYMSERVER_FIXTURE is not set: run the tests through ctest");
  std::string command = std::string(script) + " " + action + " '" + state + "'";
  if (std::system(command.c_str()) != 0) throw harness::Failure("failed: " + command);
}
}  // namespace

TEST_CASE(conn_refused_is_connection_failed) {
  CHECK_THROWS_CODE(ConnectionError, "connection_failed",
                    gymserver::Client(harness::kHost, closed_port()));
  CHECK_THROWS_CODE(ConnectionError, "connection_failed",
                    gymserver::Environment("no-such-host.invalid", "4040"));
}

TEST_CASE(conn_read_timeout) {
  gymserver::Timeouts timeouts;
  timeouts.read = std::chrono::milliseconds(300);
  gymserver::Connection connection(harness::kHost, harness::server_port(), timeouts);
  // A protocol-1 seed request has no reply, so waiting for one must time out.
  connection.send_line(R"({"env":{"seed":"3"}})");
  CHECK_THROWS_CODE(ConnectionError, "timeout", connection.read_reply());
  // Replies could no longer be matched to requests: the connection refuses further use.
  CHECK_THROWS_CODE(ConnectionError, "connection_closed", connection.send_line("{}"));
}

TEST_CASE(conn_server_gone) {
  const char* build = std::getenv("GYMSERVER_STATE_DIR");
  std::string state = std::string(build != nullptr ? build : ".") + "/server-gone";
  run_fixture("start", state);
  std::ifstream port_file(state + "/port");
  std::string port;
  port_file >> port;
  try {
    gymserver::Client client(harness::kHost, port);
    gymserver::Env env = client.make("CartPole-v1");
    env.reset(0);
    gymserver::Environment old(harness::kHost, port, "CartPole-v1");
    run_fixture("stop", state);
    // Stopping, the server tells every connection server_shutting_down and closes it; the first
    // read sees that error or the closed socket, and after it the connection is unusable.
    std::string first_code;
    try {
      env.step(0);
    } catch (const gymserver::Error& error) {
      first_code = error.code();
    }
    CHECK(first_code == "server_shutting_down" || first_code == "connection_closed");
    CHECK_THROWS_CODE(ConnectionError, "connection_closed", env.step(0));
    std::string protocol1_code;
    try {
      old.reset();
    } catch (const gymserver::Error& error) {
      protocol1_code = error.code();
    }
    CHECK(protocol1_code == "server_shutting_down" || protocol1_code == "connection_closed");
  } catch (...) {
    run_fixture("stop", state);
    throw;
  }
}

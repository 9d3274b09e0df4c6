// TLS against a server whose TCP port speaks TLS only (the tls_server fixture), with a test CA and
// certificate made when the fixture starts: both protocols and the binary encoding over TLS, and
// the servers the client must refuse to talk to.
#include <cstdlib>
#include <fstream>

#include "gymserver/gymserver.hpp"
#include "harness.hpp"

using gymserver::Client;
using gymserver::ClientOptions;
using gymserver::ConnectionError;
using gymserver::Tls;

namespace {
std::string tls_port() {
  const char* path = std::getenv("GYMSERVER_TLS_PORT_FILE");
  if (path == nullptr) throw harness::Failure("GYMSERVER_TLS_PORT_FILE is not set: run through ctest");
  std::ifstream file(path);
  std::string port;
  if (!(file >> port)) throw harness::Failure(std::string("no port in ") + path);
  return port;
}

// A file the fixture made: ca.pem, other-ca.pem.
std::string certificate(const std::string& name) {
  const char* directory = std::getenv("GYMSERVER_CERTS_DIR");
  if (directory == nullptr) throw harness::Failure("GYMSERVER_CERTS_DIR is not set: run through ctest");
  return std::string(directory) + "/" + name;
}

Tls trusting(const std::string& ca_file, const std::string& server_name = "") {
  Tls tls;
  tls.enabled = true;
  tls.ca_file = ca_file;
  tls.server_name = server_name;
  return tls;
}

ClientOptions tls_options(gymserver::Encoding encoding = gymserver::Encoding::kJson) {
  ClientOptions options;
  options.tls = trusting(certificate("ca.pem"));
  options.encoding = encoding;
  return options;
}
}  // namespace

TEST_CASE(tls_protocol2_trusting_the_ca_file) {
  Client client(harness::kHost, tls_port(), tls_options());
  CHECK(client.server().rfind("GymServer ", 0) == 0);
  gymserver::Env env = client.make("CartPole-v1");
  // Gymnasium 1.2.2: CartPole-v1 reset(seed=3), as in plain TCP.
  std::vector<double> observation = gymserver::to_vector(env.reset(3).observation);
  CHECK_EQ(observation.size(), 4u);
  CHECK(static_cast<float>(observation[0]) == -0.041435081511735916f);
  CHECK_EQ(env.step(1).reward, 1.0);
}

TEST_CASE(tls_protocol1_environment_with_compression) {
  gymserver::Environment env(harness::kHost, tls_port(), "CartPole-v1", gymserver::Timeouts{},
                             trusting(certificate("ca.pem")));
  CHECK_EQ(env.action_space.n, 2);
  env.compression(9);
  env.reset();
  int steps = 0;
  while (!env.done && steps < 600) {
    env.step(env.sample());
    ++steps;
  }
  CHECK(env.done);
}

TEST_CASE(tls_binary_steps_equal_json_steps) {
  Client binary(harness::kHost, tls_port(), tls_options(gymserver::Encoding::kBinary));
  Client json(harness::kHost, tls_port(), tls_options());
  CHECK(binary.encoding() == gymserver::Encoding::kBinary);
  gymserver::VectorEnv binary_envs = binary.make_vec("CartPole-v1", 64);
  gymserver::VectorEnv json_envs = json.make_vec("CartPole-v1", 64);
  binary_envs.reset(5);
  json_envs.reset(5);
  gymserver::Json actions = gymserver::Json::array();
  for (int i = 0; i < 64; ++i) actions.push_back(i % 2);
  for (int t = 0; t < 20; ++t) {
    gymserver::VecStepResult from_binary = binary_envs.step(actions);
    gymserver::VecStepResult from_json = json_envs.step(actions);
    for (int i = 0; i < 64; ++i) {
      CHECK(gymserver::to_vector(from_binary.observations[i]) ==
            gymserver::to_vector(from_json.observations[i]));
    }
    CHECK(from_binary.terminated == from_json.terminated);
  }
}

TEST_CASE(tls_server_name_is_checked) {
  ClientOptions options = tls_options();
  options.tls.server_name = "localhost";
  Client named(harness::kHost, tls_port(), options);
  CHECK(named.server().rfind("GymServer ", 0) == 0);
  options.tls.server_name = "gymserver.example";
  CHECK_THROWS_CODE(ConnectionError, "tls_failed", Client(harness::kHost, tls_port(), options));
}

TEST_CASE(tls_untrusted_server_is_refused) {
  // Another CA, then the system's roots, which do not hold the test CA.
  for (const std::string& ca_file : {certificate("other-ca.pem"), std::string()}) {
    ClientOptions options;
    options.tls = trusting(ca_file);
    try {
      Client client(harness::kHost, tls_port(), options);
      throw harness::Failure("a server signed by an untrusted CA was accepted");
    } catch (const ConnectionError& error) {
      CHECK_EQ(error.code(), std::string("tls_failed"));
      CHECK(error.message().find("certificate verify failed") != std::string::npos);
    }
  }
  // The server goes on serving clients that trust it.
  Client trusted(harness::kHost, tls_port(), tls_options());
  trusted.make("CartPole-v1");
}

TEST_CASE(tls_plain_client_gets_tls_required) {
  CHECK_THROWS_CODE(gymserver::ServerError, "tls_required", Client(harness::kHost, tls_port()));
  gymserver::Environment old(harness::kHost, tls_port());
  CHECK_THROWS_CODE(gymserver::ServerError, "tls_required", old.make("CartPole-v1"));
  // The server closed the connection after its notice: the client does not use it again.
  CHECK_THROWS_CODE(ConnectionError, "connection_closed", old.make("CartPole-v1"));
}

TEST_CASE(tls_to_a_plain_port_fails) {
  ClientOptions options = tls_options();
  options.timeouts.connect = std::chrono::milliseconds(1000);
  // The plain server takes the ClientHello for a request line: it waits for its end (a timeout
  // here), or answers invalid_json if the hello's random bytes hold a newline (not TLS).
  try {
    Client client(harness::kHost, harness::server_port(), options);
    throw harness::Failure("a TLS handshake with a plain port succeeded");
  } catch (const ConnectionError& error) {
    CHECK(error.code() == "timeout" || error.code() == "tls_failed");
  }
}

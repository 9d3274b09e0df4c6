// The client compiled without GYMSERVER_TLS (and linked without OpenSSL): it builds, and asking for
// TLS is a ConnectionError that says what to do, before any connection is made.
#include <iostream>

#include "gymserver/gymserver.hpp"

int main() {
  static_assert(!gymserver::kTlsAvailable, "this test must be compiled without GYMSERVER_TLS");
  gymserver::ClientOptions options;
  options.tls.enabled = true;
  try {
    // Nothing listens at port 1: the error must come before connecting.
    gymserver::Client client("127.0.0.1", "1", options);
  } catch (const gymserver::ConnectionError& error) {
    if (error.code() == "tls_failed" &&
        error.message().find("GYMSERVER_TLS") != std::string::npos) {
      std::cout << "passed: " << error.what() << "\n";
      return 0;
    }
    std::cerr << "FAILED: unexpected error " << error.what() << "\n";
    return 1;
  }
  std::cerr << "FAILED: no error\n";
  return 1;
}

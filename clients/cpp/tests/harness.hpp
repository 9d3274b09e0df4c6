// A small test harness: named test cases, checks that throw, and the port of the live server the
// CTest fixture started. CTest runs each case as its own test (`gymserver_tests <name>`).
#ifndef GYMSERVER_TESTS_HARNESS_HPP
#define GYMSERVER_TESTS_HARNESS_HPP

#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>

namespace harness {

inline std::map<std::string, std::function<void()>>& registry() {
  static std::map<std::string, std::function<void()>> cases;
  return cases;
}

struct Register {
  Register(const char* name, std::function<void()> body) {
    registry().emplace(name, std::move(body));
  }
};

struct Failure : std::runtime_error {
  using std::runtime_error::runtime_error;
};

inline std::string where(const char* file, int line) {
  return std::string(file) + ":" + std::to_string(line) + ": ";
}

/// The port of the server the fixture started (it writes it to $GYMSERVER_PORT_FILE).
inline std::string server_port() {
  const char* path = std::getenv("GYMSERVER_PORT_FILE");
  if (path == nullptr) throw Failure("GYMSERVER_PORT_FILE is not set: run the tests through ctest");
  std::ifstream file(path);
  std::string port;
  if (!(file >> port))
    throw Failure(std::string("no port in ") + path + ": did the server fixture start?");
  return port;
}

inline const std::string kHost = "127.0.0.1";

}  // namespace harness

#define HARNESS_CONCAT2(a, b) a##b
#define HARNESS_CONCAT(a, b) HARNESS_CONCAT2(a, b)
#define TEST_CASE(name)                                                                         \
  static void HARNESS_CONCAT(test_, name)();                                                    \
  static harness::Register HARNESS_CONCAT(register_, name)(#name, HARNESS_CONCAT(test_, name)); \
  static void HARNESS_CONCAT(test_, name)()

#define CHECK(condition)                                                                       \
  do {                                                                                         \
    if (!(condition)) throw harness::Failure(harness::where(__FILE__, __LINE__) + #condition); \
  } while (0)

#define CHECK_EQ(actual, expected)                                                             \
  do {                                                                                         \
    const auto actual_value = (actual);                                                        \
    const auto expected_value = (expected);                                                    \
    if (!(actual_value == expected_value)) {                                                   \
      std::ostringstream text;                                                                 \
      text << harness::where(__FILE__, __LINE__) << #actual << " == " << #expected << ": got " \
           << actual_value << ", expected " << expected_value;                                 \
      throw harness::Failure(text.str());                                                      \
    }                                                                                          \
  } while (0)

// Runs statement, which must throw ErrorType with code() == expected_code; yields the error.
#define CHECK_THROWS_CODE(ErrorType, expected_code, statement)                         \
  do {                                                                                 \
    bool thrown = false;                                                               \
    try {                                                                              \
      statement;                                                                       \
    } catch (const ErrorType& error) {                                                 \
      thrown = true;                                                                   \
      if (error.code() != (expected_code)) {                                           \
        throw harness::Failure(harness::where(__FILE__, __LINE__) + "expected code " + \
                               std::string(expected_code) + ", got " + error.what());  \
      }                                                                                \
    }                                                                                  \
    if (!thrown) {                                                                     \
      throw harness::Failure(harness::where(__FILE__, __LINE__) + #statement +         \
                             " did not throw " #ErrorType);                            \
    }                                                                                  \
  } while (0)

#endif  // GYMSERVER_TESTS_HARNESS_HPP

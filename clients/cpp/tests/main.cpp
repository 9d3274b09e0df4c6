// Runs one named test case (`gymserver_tests <name>`), or lists them (`--list`).
#include <exception>
#include <iostream>
#include <set>

#include "harness.hpp"

int main(int argc, char** argv) {
  auto& cases = harness::registry();
  if (argc == 2 && std::string(argv[1]) == "--list") {
    for (const auto& entry : cases) std::cout << entry.first << "\n";
    return 0;
  }
  if (argc >= 2 && std::string(argv[1]) == "--check") {
    // The CTest list must name every case, so none is silently left out of CI.
    std::set<std::string> listed(argv + 2, argv + argc);
    int missing = 0;
    for (const auto& entry : cases) {
      if (listed.count(entry.first) == 0) {
        std::cerr << "test case " << entry.first << " is not in tests/CMakeLists.txt\n";
        ++missing;
      }
    }
    for (const auto& name : listed) {
      if (cases.count(name) == 0) {
        std::cerr << "tests/CMakeLists.txt names " << name << ", which is no test case\n";
        ++missing;
      }
    }
    return missing == 0 ? 0 : 1;
  }
  if (argc != 2) {
    std::cerr << "usage: gymserver_tests <test name> | --list\n";
    return 2;
  }
  auto found = cases.find(argv[1]);
  if (found == cases.end()) {
    std::cerr << "no test named " << argv[1] << "\n";
    return 2;
  }
  try {
    found->second();
  } catch (const std::exception& error) {
    std::cerr << "FAILED " << argv[1] << ": " << error.what() << "\n";
    return 1;
  }
  std::cout << "passed " << argv[1] << "\n";
  return 0;
}

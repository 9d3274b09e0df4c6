// Replays one scenario of clients/scenarios/protocol.json against the live server:
//   gymserver_scenarios <protocol.json> <scenario index>
// Format and pattern rules: clients/scenarios/README.md.
#include <fstream>
#include <iostream>
#include <map>

#include "gymserver/gymserver.hpp"
#include "harness.hpp"

using gymserver::Json;

namespace {
using Variables = std::map<std::string, Json>;

// Why reply does not match pattern at path, or "" when it does.
std::string describe_mismatch(const Json& pattern, const Json& reply, Variables& variables,
                              const std::string& path) {
  if (pattern.is_string()) {
    const std::string& text = pattern.get_ref<const std::string&>();
    if (text == "$any") return "";
    if (text == "$number") return reply.is_number() ? "" : path + ": not a number: " + reply.dump();
    if (text == "$string") return reply.is_string() ? "" : path + ": not a string: " + reply.dump();
    if (text == "$array") return reply.is_array() ? "" : path + ": not an array: " + reply.dump();
    if (text == "$object")
      return reply.is_object() ? "" : path + ": not an object: " + reply.dump();
    if (text == "$bool") return reply.is_boolean() ? "" : path + ": not a bool: " + reply.dump();
    if (text.rfind("$save:", 0) == 0) {
      variables[text.substr(6)] = reply;
      return "";
    }
  }
  if (pattern.is_object()) {
    if (!reply.is_object()) return path + ": expected an object, got " + reply.dump();
    for (const auto& member : pattern.items()) {
      auto found = reply.find(member.key());
      if (found == reply.end()) return path + "." + member.key() + ": missing in " + reply.dump();
      std::string why =
          describe_mismatch(member.value(), *found, variables, path + "." + member.key());
      if (!why.empty()) return why;
    }
    return "";
  }
  if (pattern.is_array()) {
    if (!reply.is_array() || reply.size() != pattern.size()) {
      return path + ": expected " + std::to_string(pattern.size()) + " elements, got " +
             reply.dump();
    }
    for (size_t i = 0; i < pattern.size(); ++i) {
      std::string why =
          describe_mismatch(pattern[i], reply[i], variables, path + "[" + std::to_string(i) + "]");
      if (!why.empty()) return why;
    }
    return "";
  }
  if (pattern.is_number()) {
    bool equal = reply.is_number() && reply.get<double>() == pattern.get<double>();
    return equal ? "" : path + ": expected " + pattern.dump() + ", got " + reply.dump();
  }
  return pattern == reply ? "" : path + ": expected " + pattern.dump() + ", got " + reply.dump();
}

// The request with every "$name" string replaced by the saved variable.
Json substitute(const Json& send, const Variables& variables) {
  if (send.is_string()) {
    const std::string& text = send.get_ref<const std::string&>();
    if (text.size() > 1 && text[0] == '$') {
      auto found = variables.find(text.substr(1));
      if (found == variables.end()) throw harness::Failure("no saved variable " + text);
      return found->second;
    }
    return send;
  }
  Json result = send;
  if (send.is_object()) {
    for (auto& member : result.items()) member.value() = substitute(member.value(), variables);
  } else if (send.is_array()) {
    for (auto& element : result) element = substitute(element, variables);
  }
  return result;
}

void replay(const Json& scenario) {
  gymserver::Connection connection(harness::kHost, harness::server_port());
  if (scenario.at("protocol").get<int>() == 2) {
    connection.send_line(R"({"server":{"protocol":2}})");
    Json reply = gymserver::detail::parse_reply(connection.read_reply());
    if (reply.value("protocol", 0) != 2)
      throw harness::Failure("handshake refused: " + reply.dump());
  }
  Variables variables;
  int index = 0;
  for (const auto& step : scenario.at("steps")) {
    Json request = substitute(step.at("send"), variables);
    connection.send_line(request.dump());
    const Json& expect = step.at("expect");
    if (!expect.is_null()) {
      Json reply = gymserver::detail::parse_reply(connection.read_reply());
      std::string why = describe_mismatch(expect, reply, variables, "reply");
      if (!why.empty()) {
        throw harness::Failure("step " + std::to_string(index) + " " + request.dump() + ": " + why);
      }
    }
    ++index;
  }
}
}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: gymserver_scenarios <protocol.json> <scenario index>\n";
    return 2;
  }
  try {
    std::ifstream file(argv[1]);
    Json scenarios = Json::parse(file).at("scenarios");
    const Json& scenario = scenarios.at(std::stoul(argv[2]));
    replay(scenario);
    std::cout << "passed " << scenario.at("name").get<std::string>() << " ("
              << scenario.at("steps").size() << " steps)\n";
    return 0;
  } catch (const std::exception& error) {
    std::cerr << "FAILED: " << error.what() << "\n";
    return 1;
  }
}

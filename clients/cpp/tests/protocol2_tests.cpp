// Protocol 2 through Client and Env against the live server.
#include "gymserver/client.hpp"
#include "harness.hpp"

using gymserver::Client;
using gymserver::Json;
using gymserver::ServerError;
using gymserver::SpaceType;

namespace {
Client connect(gymserver::Encoding encoding = gymserver::Encoding::kAuto) {
  gymserver::ClientOptions options;
  options.encoding = encoding;
  return Client(harness::kHost, harness::server_port(), options);
}

// A trajectory as text: reset, then steps (with resets after each episode end), in one encoding.
std::vector<std::string> trajectory(gymserver::Encoding encoding, const std::string& id,
                                    const std::vector<Json>& actions) {
  Client client = connect(encoding);
  gymserver::Env env = client.make(id);
  CHECK_EQ(env.binary(), encoding == gymserver::Encoding::kBinary);
  std::vector<std::string> run;
  gymserver::ResetResult reset = env.reset(5);
  run.push_back(reset.observation.dump() + reset.info.dump());
  for (const auto& action : actions) {
    gymserver::StepResult step = env.step(action);
    run.push_back(step.observation.dump() + " " + std::to_string(step.reward) + " " +
                  std::to_string(step.terminated) + std::to_string(step.truncated) + " " +
                  step.info.dump());
    if (step.done()) {
      reset = env.reset();
      run.push_back(reset.observation.dump() + reset.info.dump());
    }
  }
  return run;
}
}  // namespace

TEST_CASE(p2_handshake_names_the_server_and_grants_binary_by_default) {
  Client client = connect();
  CHECK(client.server().rfind("GymServer ", 0) == 0);
  CHECK(client.encoding() == gymserver::Encoding::kBinary);
  CHECK(connect(gymserver::Encoding::kJson).encoding() == gymserver::Encoding::kJson);
}

TEST_CASE(p2_binary_frames_give_the_values_of_json) {
  std::vector<Json> discrete, box;
  for (int i = 0; i < 120; ++i) {
    discrete.push_back(i % 3 == 0 ? 0 : 1);
    box.push_back(Json::array({(i % 9 - 4) * 0.5}));
  }
  for (const char* id : {"CartPole-v1", "FrozenLake-v1", "Blackjack-v1"}) {
    CHECK(trajectory(gymserver::Encoding::kJson, id, discrete) ==
          trajectory(gymserver::Encoding::kBinary, id, discrete));
  }
  CHECK(trajectory(gymserver::Encoding::kJson, "Pendulum-v1", box) ==
        trajectory(gymserver::Encoding::kBinary, "Pendulum-v1", box));
}

TEST_CASE(p2_binary_errors_come_as_server_errors_and_the_connection_goes_on) {
  Client client = connect(gymserver::Encoding::kBinary);
  gymserver::Env env = client.make("CartPole-v1");
  CHECK_THROWS_CODE(ServerError, "reset_needed", env.step(0));
  env.reset(1);
  CHECK_THROWS_CODE(ServerError, "invalid_action", env.step(2));
  Json sample = env.sample();
  CHECK(sample == 0 || sample == 1);
  CHECK_EQ(env.step(1).reward, 1.0);
  env.close();
  CHECK_THROWS_CODE(ServerError, "unknown_instance", env.step(1));
}

TEST_CASE(p2_make_describes_the_spaces) {
  Client client = connect();
  gymserver::Env env = client.make("CartPole-v1");
  CHECK_EQ(env.id(), std::string("CartPole-v1"));
  CHECK_EQ(env.backend(), std::string("native"));
  CHECK_EQ(env.observation_space().dtype, std::string("float32"));
  CHECK(std::isinf(env.observation_space().high[1]));  // "inf" on the wire
  CHECK_EQ(env.observation_space().byte_size(), 16u);
  CHECK_EQ(env.action_space().n, 2);
}

TEST_CASE(p2_make_with_kwargs) {
  Client client = connect();
  gymserver::Env lake = client.make("FrozenLake-v1", {{"map_name", "8x8"}, {"is_slippery", false}});
  CHECK_EQ(lake.observation_space().n, 64);
  CHECK_THROWS_CODE(ServerError, "invalid_argument",
                    client.make("FrozenLake-v1", {{"map_name", "9x9"}}));
}

TEST_CASE(p2_reset_with_seed_and_options) {
  Client client = connect();
  gymserver::Env env = client.make("CartPole-v1");
  gymserver::ResetResult first = env.reset(3);
  // Gymnasium 1.2.2: CartPole-v1 reset(seed=3), float32 values as Python floats.
  CHECK_EQ(first.observation, Json::parse("[-0.041435081511735916,-0.026318948715925217,"
                                          "0.030127447098493576,0.008216203190386295]"));
  CHECK(first.info.is_object());
  gymserver::ResetResult narrow = env.reset(3, {{"low", -0.01}, {"high", 0.01}});
  for (double value : gymserver::to_vector(narrow.observation))
    CHECK(value >= -0.01 && value <= 0.01);
  gymserver::ResetResult unseeded = env.reset();
  CHECK(unseeded.observation != first.observation);  // the generator continues
  CHECK_EQ(env.reset(3).observation, first.observation);
}

TEST_CASE(p2_terminated_and_truncated_apart) {
  Client client = connect();
  gymserver::Env lake = client.make("FrozenLake-v1", {{"is_slippery", false}});
  lake.reset(0);
  // The 4x4 map: down from the start (0,0) reaches (1,0), state 4; right from there is the hole
  // (1,1).
  gymserver::StepResult down = lake.step(1);
  CHECK_EQ(down.observation.get<int>(), 4);
  gymserver::StepResult hole = lake.step(2);
  CHECK(hole.terminated);
  CHECK(!hole.truncated);
  CHECK_EQ(hole.reward, 0.0);
  // Walking into the left wall never ends an episode: the TimeLimit (100 steps) truncates it.
  lake.reset(0);
  gymserver::StepResult last;
  int steps = 0;
  do {
    last = lake.step(0);
    ++steps;
  } while (!last.done());
  CHECK_EQ(steps, 100);
  CHECK(last.truncated);
  CHECK(!last.terminated);
}

TEST_CASE(p2_sample_and_close) {
  Client client = connect();
  gymserver::Env env = client.make("Pendulum-v1");
  CHECK(env.action_space().type == SpaceType::kBox);
  Json action = env.sample();
  CHECK(action.is_array());
  CHECK_EQ(action.size(), 1u);
  env.reset(1);
  gymserver::StepResult step = env.step(action);
  CHECK(step.reward <= 0.0);
  env.close();
  CHECK_THROWS_CODE(ServerError, "unknown_instance", env.step(action));
  CHECK_THROWS_CODE(ServerError, "unknown_instance", env.close());
  client.close_all();
}

TEST_CASE(p2_list_envs) {
  Client client = connect();
  std::vector<gymserver::EnvSpec> specs = client.list_envs();
  bool found = false;
  for (const auto& spec : specs) {
    if (spec.id == "Taxi-v3") {
      found = true;
      CHECK_EQ(spec.backend, std::string("native"));
      CHECK_EQ(spec.observation_space.n, 500);
      CHECK_EQ(spec.action_space.n, 6);
    }
  }
  CHECK(found);
}

TEST_CASE(p2_errors_carry_code_and_message) {
  Client client = connect(gymserver::Encoding::kJson);
  try {
    client.make("CartPol-v1");
    throw harness::Failure("make of an unknown env did not throw");
  } catch (const ServerError& error) {
    CHECK_EQ(error.code(), std::string("unknown_env"));
    CHECK(error.message().find("CartPole-v1") != std::string::npos);
  }
  gymserver::Env env = client.make("CartPole-v1");
  CHECK_THROWS_CODE(ServerError, "reset_needed", env.step(0));
  env.reset();
  CHECK_THROWS_CODE(ServerError, "invalid_action", env.step(2));
  CHECK_THROWS_CODE(ServerError, "invalid_action", env.step("1"));
  CHECK_THROWS_CODE(ServerError, "unknown_command", client.request({{"render", Json::object()}}));
  CHECK_EQ(env.step(1).reward, 1.0);  // the connection goes on after every error
}

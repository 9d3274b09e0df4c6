// Vector envs (make_vec, reset_vec, step_vec) in the JSON and the binary encoding.
#include "gymserver/client.hpp"
#include "harness.hpp"

using gymserver::Client;
using gymserver::ClientOptions;
using gymserver::Encoding;
using gymserver::Json;
using gymserver::ServerError;

namespace {
Client connect(Encoding encoding) {
  ClientOptions options;
  options.encoding = encoding;
  return Client(harness::kHost, harness::server_port(), options);
}

// Steps a 3-env CartPole vector from seed 5 with a fixed action pattern through the pole's falls
// and autoresets; returns every result.
std::vector<gymserver::VecStepResult> scripted_run(Client& client) {
  gymserver::VectorEnv envs = client.make_vec("CartPole-v1", 3);
  envs.reset(5);
  std::vector<gymserver::VecStepResult> results;
  for (int t = 0; t < 60; ++t) results.push_back(envs.step({1, t % 2, 0}));
  return results;
}
}  // namespace

TEST_CASE(vec_sub_envs_follow_single_envs) {
  Client client = connect(Encoding::kJson);
  gymserver::VectorEnv envs = client.make_vec("CartPole-v1", 2);
  CHECK_EQ(envs.num_envs(), 2);
  CHECK_EQ(envs.single_action_space().n, 2);
  gymserver::VecResetResult reset = envs.reset(10);
  CHECK_EQ(reset.observations.size(), 2u);
  for (int i = 0; i < 2; ++i) {
    gymserver::Env single = client.make("CartPole-v1");
    CHECK_EQ(single.reset(10 + i).observation, reset.observations[i]);  // seed s + i
    gymserver::VecStepResult vec_step = envs.step({1, 1});
    gymserver::StepResult step = single.step(1);
    CHECK_EQ(vec_step.observations[i], step.observation);
    CHECK_EQ(vec_step.rewards[i], step.reward);
    single.close();
    envs.reset(10);
  }
}

TEST_CASE(vec_next_step_autoreset) {
  Client client = connect(Encoding::kJson);
  gymserver::VectorEnv envs = client.make_vec("CartPole-v1", 2);
  envs.reset(1);
  int t = 0;
  gymserver::VecStepResult step;
  do {
    step = envs.step({1, 0});  // sub-env 0 falls right, sub-env 1 left
    ++t;
  } while (!step.terminated[0] && t < 200);
  CHECK(step.terminated[0]);
  gymserver::VecStepResult after = envs.step({1, 0});
  // The step after the end is the reset: reward 0, both flags false, a fresh observation.
  CHECK_EQ(after.rewards[0], 0.0);
  CHECK(!after.terminated[0] && !after.truncated[0]);
  for (double value : gymserver::to_vector(after.observations[0]))
    CHECK(value > -0.05 && value < 0.05);
}

TEST_CASE(vec_bad_actions_leave_it_untouched) {
  Client client = connect(Encoding::kJson);
  gymserver::VectorEnv envs = client.make_vec("CartPole-v1", 2);
  gymserver::VecResetResult reset = envs.reset(2);
  CHECK_THROWS_CODE(ServerError, "invalid_action", envs.step({1}));
  CHECK_THROWS_CODE(ServerError, "invalid_action", envs.step({1, 4}));
  gymserver::Env single = client.make("CartPole-v1");
  CHECK_THROWS_CODE(ServerError, "unknown_instance",
                    client.request({{"step", {{"instance", envs.instance()}, {"action", 0}}}}));
  single.reset(2);
  CHECK_EQ(envs.step({0, 0}).observations[0], single.step(0).observation);
  envs.close();
  CHECK_THROWS_CODE(ServerError, "unknown_instance", envs.step({0, 0}));
}

TEST_CASE(binary_handshake_grants_binary) {
  Client client = connect(Encoding::kBinary);
  CHECK(client.encoding() == Encoding::kBinary);
  // JSON requests still get JSON replies on a binary connection.
  gymserver::Env env = client.make("CartPole-v1");
  CHECK(env.reset(0).observation.is_array());
}

TEST_CASE(binary_steps_equal_json_steps) {
  Client json_client = connect(Encoding::kJson);
  Client binary_client = connect(Encoding::kBinary);
  std::vector<gymserver::VecStepResult> expected = scripted_run(json_client);
  std::vector<gymserver::VecStepResult> actual = scripted_run(binary_client);
  int ends = 0;
  for (size_t t = 0; t < expected.size(); ++t) {
    CHECK_EQ(actual[t].observations.size(), 3u);
    for (size_t i = 0; i < 3; ++i) {
      CHECK_EQ(actual[t].observations[i], expected[t].observations[i]);
      CHECK_EQ(actual[t].rewards[i], expected[t].rewards[i]);
      CHECK_EQ(actual[t].terminated[i], expected[t].terminated[i]);
      CHECK_EQ(actual[t].truncated[i], expected[t].truncated[i]);
      CHECK_EQ(actual[t].infos[i], expected[t].infos[i]);
      ends += expected[t].terminated[i];
    }
  }
  CHECK(ends > 0);  // the run went through autoresets
}

TEST_CASE(binary_box_actions_and_infos) {
  Client json_client = connect(Encoding::kJson);
  Client binary_client = connect(Encoding::kBinary);
  // Pendulum: float32 Box actions; FrozenLake: int64 observations and non-empty infos.
  for (Client* client : {&json_client, &binary_client}) {
    gymserver::VectorEnv pendulum = client->make_vec("Pendulum-v1", 2);
    pendulum.reset(4);
    gymserver::VecStepResult step = pendulum.step({Json::array({0.5}), Json::array({-1.25})});
    CHECK_EQ(step.observations[0].size(), 3u);
    CHECK(step.rewards[0] < 0.0);
    gymserver::VectorEnv lake = client->make_vec("FrozenLake-v1", 2, {{"is_slippery", false}});
    lake.reset(0);
    gymserver::VecStepResult lake_step = lake.step({1, 2});
    CHECK_EQ(lake_step.observations[0], Json(4));
    CHECK_EQ(lake_step.observations[1], Json(1));
    CHECK(lake_step.infos[0].contains("prob"));
  }
}

TEST_CASE(binary_errors_are_error_frames) {
  Client client = connect(Encoding::kBinary);
  gymserver::VectorEnv envs = client.make_vec("CartPole-v1", 2);
  envs.reset(0);
  CHECK_THROWS_CODE(ServerError, "invalid_action", envs.step({1}));     // wrong byte count
  CHECK_THROWS_CODE(ServerError, "invalid_action", envs.step({1, 9}));  // outside the space
  envs.close();
  CHECK_THROWS_CODE(ServerError, "unknown_instance", envs.step({0, 0}));
  gymserver::VectorEnv again = client.make_vec("CartPole-v1", 2);  // the connection goes on
  again.reset(0);
  CHECK_EQ(again.step({0, 0}).rewards[1], 1.0);
}

TEST_CASE(binary_reset_vec_equals_json_reset_vec) {
  Client json_client = connect(Encoding::kJson);
  Client binary_client = connect(Encoding::kBinary);
  gymserver::VectorEnv json_envs = json_client.make_vec("FrozenLake-v1", 3);
  gymserver::VectorEnv binary_envs = binary_client.make_vec("FrozenLake-v1", 3);
  gymserver::VecResetResult expected = json_envs.reset(7);
  gymserver::VecResetResult actual = binary_envs.reset(7);
  CHECK_EQ(actual.observations.size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    CHECK_EQ(actual.observations[i], expected.observations[i]);
    CHECK_EQ(actual.infos[i], expected.infos[i]);  // FrozenLake's reset info: {"prob":1}
  }
  CHECK_EQ(actual.infos[0], Json::parse("{\"prob\":1}"));
}

// Protocol 1 through Environment, the original client's API, against the live server.
#include "gymserver/environment.hpp"
#include "harness.hpp"

using gymserver::Environment;
using gymserver::Json;
using gymserver::ServerError;
using gymserver::SpaceType;

namespace {
Environment* cartpole() {
  return new Environment(harness::kHost, harness::server_port(), "CartPole-v1");
}

// Steps with sampled actions until the episode ends; returns the number of steps.
int run_episode(Environment& env) {
  int steps = 0;
  env.reset();
  do {
    env.step(env.sample());
    ++steps;
  } while (!env.done);
  return steps;
}
}  // namespace

TEST_CASE(p1_make_reads_both_spaces) {
  std::unique_ptr<Environment> env(cartpole());
  CHECK_EQ(env->instance.size(), 13u);
  CHECK(env->observation_space.type == SpaceType::kBox);
  CHECK_EQ(env->observation_space.shape.size(), 1u);
  CHECK_EQ(env->observation_space.shape[0], 4);
  CHECK_EQ(env->observation_space.high.size(), 4u);
  CHECK(env->observation_space.high[0] > 4.79 && env->observation_space.high[0] < 4.81);
  CHECK(env->action_space.type == SpaceType::kDiscrete);
  CHECK_EQ(env->action_space.n, 2);
}

TEST_CASE(p1_seed_gives_gymnasium_reset) {
  std::unique_ptr<Environment> env(cartpole());
  env->seed(3);
  std::vector<double> observation = gymserver::to_vector(env->reset());
  // Gymnasium 1.2.2: CartPole-v1 reset(seed=3), float32.
  const float expected[] = {-0.04143508f, -0.026318949f, 0.030127447f, 0.008216203f};
  CHECK_EQ(observation.size(), 4u);
  for (int i = 0; i < 4; ++i) CHECK_EQ(static_cast<float>(observation[i]), expected[i]);
}

TEST_CASE(p1_step_fills_the_results) {
  std::unique_ptr<Environment> env(cartpole());
  env->reset();
  const Json& observation = env->step(1);
  CHECK(observation.is_array());
  CHECK_EQ(observation.size(), 4u);
  CHECK_EQ(env->reward, 1.0);
  CHECK(!env->done);
  CHECK(env->info.is_object());
  int steps = 1;
  while (!env->done) {
    env->step(1);  // always pushing right: the pole falls within a few dozen steps
    ++steps;
  }
  CHECK(steps < 100);
}

TEST_CASE(p1_sample_is_in_the_action_space) {
  std::unique_ptr<Environment> env(cartpole());
  for (int i = 0; i < 20; ++i) {
    Json action = env->sample();
    CHECK(action.is_number_integer());
    CHECK(action.get<int>() == 0 || action.get<int>() == 1);
  }
}

TEST_CASE(p1_episode_stats_on_the_last_step) {
  std::unique_ptr<Environment> env(cartpole());
  env->record_episode_stats.start();
  int steps = run_episode(*env);
  CHECK(env->info.contains("episode"));
  CHECK_EQ(env->info["episode"]["l"].get<int>(), steps);
  CHECK_EQ(env->info["episode"]["r"].get<double>(), static_cast<double>(steps));
}

TEST_CASE(p1_compressed_replies_match_plain_ones) {
  std::unique_ptr<Environment> plain(cartpole());
  std::unique_ptr<Environment> zipped(cartpole());
  zipped->compression(9);
  plain->seed(7);
  zipped->seed(7);
  CHECK_EQ(plain->reset(), zipped->reset());
  for (int i = 0; i < 30 && !plain->done; ++i) {
    plain->step(i % 2);
    zipped->step(i % 2);
    CHECK_EQ(plain->observation, zipped->observation);
    CHECK_EQ(plain->done, zipped->done);
  }
  // Errors are compressed too, and the connection stays in step after them.
  CHECK_THROWS_CODE(ServerError, "invalid_action", zipped->step(7));
  zipped->compression(0);
  zipped->step(0);
  zipped->compression(1);
  CHECK(zipped->sample().is_number_integer());
  // make turns compression off on the server; the client tells the replies apart by their first byte.
  zipped->make("FrozenLake-v1");
  CHECK_EQ(zipped->reset(), Json(0));
  zipped->compression(9);
  CHECK_THROWS_CODE(ServerError, "unknown_env", zipped->make("NoSuchEnv-v0"));
  zipped->make("CartPole-v1");
  zipped->seed(7);
  plain->seed(7);
  CHECK_EQ(zipped->reset(), plain->reset());
}

TEST_CASE(p1_url_names_the_closed_env) {
  std::unique_ptr<Environment> env(cartpole());
  env->close();
  std::string url = env->url();
  CHECK(url.rfind(env->instance, 0) == 0);
  CHECK_THROWS_CODE(ServerError, "no_env", env->reset());
  env->make("FrozenLake-v1");  // the connection stays usable after close
  CHECK(env->observation_space.type == SpaceType::kDiscrete);
  CHECK_EQ(env->observation_space.n, 16);
}

TEST_CASE(p1_unknown_env_is_a_server_error) {
  Environment env(harness::kHost, harness::server_port());
  try {
    env.make("CartPol-v1");
    throw harness::Failure("make of an unknown env did not throw");
  } catch (const ServerError& error) {
    CHECK_EQ(error.code(), std::string("unknown_env"));
    CHECK(error.message().find("CartPole-v1") != std::string::npos);  // the closest known id
  }
  env.make("CartPole-v1");
  CHECK_EQ(env.instance.size(), 13u);
}

TEST_CASE(p1_bad_action_and_step_before_reset) {
  std::unique_ptr<Environment> env(cartpole());
  CHECK_THROWS_CODE(ServerError, "reset_needed", env->step(0));
  env->reset();
  CHECK_THROWS_CODE(ServerError, "invalid_action", env->step(3));
  CHECK_THROWS_CODE(ServerError, "invalid_action", env->step(Json::array({0.5, 0.5})));
  env->step(0);
  CHECK_EQ(env->reward, 1.0);
}

TEST_CASE(p1_deferred_error_is_the_next_reply) {
  Environment env(harness::kHost, harness::server_port());
  env.seed(3);  // no env yet: the error is kept for the next request that has a reply
  CHECK_THROWS_CODE(ServerError, "no_env", env.make("CartPole-v1"));
  env.make("CartPole-v1");
  env.reset();
}

// What reset and step return, for single and vector envs (Gymnasium 1.x's tuples as structs).
#ifndef GYMSERVER_RESULTS_HPP
#define GYMSERVER_RESULTS_HPP

#include <cstdint>
#include <vector>

#include "gymserver/json.hpp"

namespace gymserver {

/// reset(seed, options) -> (observation, info).
struct ResetResult {
  Json observation;
  Json info;
};

/// step(action) -> (observation, reward, terminated, truncated, info).
struct StepResult {
  Json observation;
  double reward = 0;
  /// The env's own end (the pole fell, the goal was reached).
  bool terminated = false;
  /// Cut short by the registration's TimeLimit.
  bool truncated = false;
  Json info;
  /// terminated or truncated: reset before stepping on.
  bool done() const { return terminated || truncated; }
};

/// reset_vec: one observation and info per sub-env.
struct VecResetResult {
  std::vector<Json> observations;
  std::vector<Json> infos;
};

/// step_vec: one entry per sub-env in each list. With next-step autoreset, a sub-env that ended in
/// the previous step is reset instead of stepped (reward 0, both flags false).
struct VecStepResult {
  std::vector<Json> observations;
  std::vector<double> rewards;
  std::vector<uint8_t> terminated;
  std::vector<uint8_t> truncated;
  std::vector<Json> infos;
};

}  // namespace gymserver

#endif  // GYMSERVER_RESULTS_HPP

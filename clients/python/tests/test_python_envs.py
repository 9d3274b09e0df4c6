"""Every space kind end to end, with the Python test env GymServerTest/Dict-v0 run by a real worker (fake gymnasium):
a Dict observation (Box, MultiBinary, Discrete with start, 2-D MultiDiscrete) and a Tuple action."""

import numpy as np
from gymnasium import spaces

from gymserver_client import GymClient, RemoteEnv, RemoteVectorEnv

DICT_ENV = "GymServerTest/Dict-v0"


def test_dict_observations_and_tuple_actions_cross_intact(python_server):
    env = RemoteEnv(DICT_ENV, port=python_server.port)
    try:
        assert env.backend == "python"
        assert isinstance(env.observation_space, spaces.Dict)
        assert list(env.observation_space.spaces) == ["flags", "grid", "mode", "position"]
        assert env.observation_space["grid"].shape == (2, 2) and env.observation_space["mode"].start == 1
        assert isinstance(env.action_space, spaces.Tuple) and env.action_space[1].dtype == np.float64
        observation, info = env.reset(seed=1, options={"start": 0.25})
        assert info == {"options": {"start": 0.25}}
        np.testing.assert_array_equal(observation["position"], [0.25, 0.25])
        np.testing.assert_array_equal(observation["grid"], [[1, 2], [3, 4]])
        assert env.observation_space.contains(observation)
        observation, reward, terminated, _, info = env.step((1, np.array([0.5]), np.array([2, 3])))
        assert reward == 100 + 0.5 + 20 + 3 and not terminated
        np.testing.assert_array_equal(observation["position"], [0.75, 0.75])
        assert info["nan"] == "nan" and info["pair"] == [2, 3]
        assert env.action_space.contains(env.sample_action())
    finally:
        env.close()


def test_dict_vectors_step_alike_in_both_encodings(python_server):
    results = []
    for binary in (False, True):
        with GymClient(port=python_server.port, binary=binary) as client:
            vector = RemoteVectorEnv(DICT_ENV, 2, client=client)
            vector.reset(seed=3)
            actions = (np.array([0, 1]), np.array([[0.5], [0.25]]), np.array([[1, 1], [0, 3]]))
            results.append(vector.step(actions))
    (json_obs, json_rewards, *_, json_infos), (bin_obs, bin_rewards, *_, bin_infos) = results
    np.testing.assert_array_equal(json_rewards, [0 + 0.5 + 10 + 1, 100 + 0.25 + 0 + 3])
    np.testing.assert_array_equal(json_rewards, bin_rewards)
    for key in json_obs:
        np.testing.assert_array_equal(json_obs[key], bin_obs[key])
    assert json_obs["grid"].shape == (2, 2, 2)
    np.testing.assert_array_equal(json_infos["_pair"], bin_infos["_pair"])


def test_dict_single_env_steps_alike_in_both_encodings(python_server):
    results = []
    for binary in (False, True):
        with GymClient(port=python_server.port, binary=binary) as client:
            env = RemoteEnv(DICT_ENV, client=client)
            assert env.binary is binary
            first = env.reset(seed=1, options={"start": 0.25})
            second = env.step((1, np.array([0.5]), np.array([2, 3])))
            results.append((first, second, env.sample_action()))
    (json_reset, json_step, json_sample), (bin_reset, bin_step, bin_sample) = results
    for key in json_reset[0]:
        np.testing.assert_array_equal(json_reset[0][key], bin_reset[0][key])
        np.testing.assert_array_equal(json_step[0][key], bin_step[0][key])
    assert json_reset[1] == bin_reset[1] == {"options": {"start": 0.25}}
    assert json_step[1:4] == bin_step[1:4]
    assert json_step[4]["pair"] == bin_step[4]["pair"] == [2, 3]
    assert isinstance(bin_sample, tuple) and len(bin_sample) == len(json_sample)

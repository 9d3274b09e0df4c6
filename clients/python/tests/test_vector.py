"""RemoteVectorEnv against a live server, in both encodings: sub-env i must follow a single env seeded s + i."""

import gymnasium
import numpy as np
import pytest
from gymnasium import spaces

from gymserver_client import GymClient, GymServerError, RemoteEnv, RemoteVectorEnv


@pytest.fixture(params=[False, True], ids=["json", "binary"])
def client(request, server):
    with GymClient(port=server.port, binary=request.param) as c:
        yield c


def test_is_a_vector_env_with_batched_spaces(client):
    vector = RemoteVectorEnv("CartPole-v1", 3, client=client)
    assert isinstance(vector, gymnasium.vector.VectorEnv)
    assert vector.num_envs == 3 and vector.binary == client.binary
    assert vector.observation_space.shape == (3, 4)
    assert isinstance(vector.single_action_space, spaces.Discrete)
    assert vector.metadata["autoreset_mode"] is not None
    vector.close()
    vector.close()
    assert vector.closed


def test_sub_env_i_follows_a_single_env_seeded_s_plus_i(client):
    vector = RemoteVectorEnv("CartPole-v1", 3, client=client)
    singles = [RemoteEnv("CartPole-v1", client=client) for _ in range(3)]
    observations, infos = vector.reset(seed=10)
    assert observations.shape == (3, 4) and observations.dtype == np.float32 and infos == {}
    for i, single in enumerate(singles):
        np.testing.assert_array_equal(single.reset(seed=10 + i)[0], observations[i])
    actions = np.array([1, 0, 1])
    for _ in range(5):
        observations, rewards, terminated, truncated, _ = vector.step(actions)
        for i, single in enumerate(singles):
            observation, reward, term, trunc, _ = single.step(actions[i])
            np.testing.assert_array_equal(observation, observations[i])
            assert (reward, term, trunc) == (rewards[i], terminated[i], truncated[i])


def test_truncation_and_termination_arrive_apart_with_their_rewards(client):
    # Pendulum never terminates and is truncated by its time limit at step 200: the flags of each sub-env are read
    # from one byte array in binary replies, so a truncation must not show as a termination, nor in another sub-env.
    vector = RemoteVectorEnv("Pendulum-v1", 2, client=client)
    singles = [RemoteEnv("Pendulum-v1", client=client) for _ in range(2)]
    vector.reset(seed=4)
    for i, single in enumerate(singles):
        single.reset(seed=4 + i)
    actions = np.array([[0.5], [-1.0]], dtype=np.float32)
    for step in range(1, 201):
        _, rewards, terminated, truncated, _ = vector.step(actions)
        for i, single in enumerate(singles):
            _, reward, _, _, _ = single.step(actions[i])
            assert rewards[i] == reward
        assert rewards.dtype == np.float64 and terminated.dtype == bool and truncated.dtype == bool
        assert not terminated.any()
        assert list(truncated) == [step == 200] * 2


def test_an_ended_sub_env_is_reset_on_the_next_step(client):
    vector = RemoteVectorEnv("CartPole-v1", 2, client=client)
    vector.reset(seed=1)
    terminated = np.zeros(2, bool)
    while not terminated.any():
        _, _, terminated, _, _ = vector.step(np.array([1, 1]))
    ended = int(np.argmax(terminated))
    observations, rewards, terminated, truncated, _ = vector.step(np.array([1, 1]))
    assert rewards[ended] == 0 and not terminated[ended] and not truncated[ended]
    assert np.all(np.abs(observations[ended]) <= 0.05)


def test_infos_are_merged_as_gymnasium_does(client):
    lakes = RemoteVectorEnv("FrozenLake-v1", 2, client=client, is_slippery=False)
    observations, infos = lakes.reset(seed=0)
    np.testing.assert_array_equal(observations, [0, 0])
    observations, rewards, _, _, infos = lakes.step(np.array([2, 1]))
    np.testing.assert_array_equal(observations, [1, 4])
    np.testing.assert_array_equal(rewards, [0.0, 0.0])
    np.testing.assert_array_equal(infos["prob"], [1, 1])
    np.testing.assert_array_equal(infos["_prob"], [True, True])
    raw = lakes.step_raw([0, 0])
    assert raw[4] == [{"prob": 1}, {"prob": 1}]


def test_box_actions(client):
    vector = RemoteVectorEnv("Pendulum-v1", 2, client=client)
    single = RemoteEnv("Pendulum-v1", client=client)
    vector.reset(seed=4)
    single.reset(seed=5)
    observations, rewards, *_ = vector.step(np.array([[0.25], [-1.5]], dtype=np.float32))
    observation, reward, *_ = single.step(np.array([-1.5], dtype=np.float32))
    np.testing.assert_array_equal(observation, observations[1])
    assert reward == rewards[1]


def test_bad_actions_leave_the_vector_untouched(client):
    vector = RemoteVectorEnv("CartPole-v1", 2, client=client)
    vector.reset(seed=7)
    with pytest.raises(ValueError):
        vector.step(np.array([1]))
    with pytest.raises(GymServerError) as error:
        vector.step(np.array([1, 5]))
    assert error.value.code == "invalid_action" and "actions[1]" in error.value.message
    reference = RemoteEnv("CartPole-v1", client=client)
    reference.reset(seed=7)
    np.testing.assert_array_equal(vector.step(np.array([0, 0]))[0][0], reference.step(0)[0])


def test_num_envs_out_of_range_is_an_invalid_argument(client):
    with pytest.raises(GymServerError) as error:
        RemoteVectorEnv("CartPole-v1", 0, client=client)
    assert error.value.code == "invalid_argument"

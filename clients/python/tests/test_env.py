"""RemoteEnv against a live server: every call of the gymnasium.Env API."""

import gymnasium
import numpy as np
import pytest
from gymnasium import spaces

from gymserver_client import GymClient, RemoteEnv

# Gymnasium 1.2.2: CartPole-v1 reset(seed=3) (docs/protocol.md, clients/scenarios/protocol.json).
CARTPOLE_SEED_3 = np.array([-0.041435081511735916, -0.026318948715925217, 0.030127447098493576, 0.008216203190386295],
                           dtype=np.float32)


@pytest.fixture(params=[False, True], ids=["json", "binary"])
def client(request, server):
    with GymClient(port=server.port, binary=request.param) as c:
        yield c


def test_speaks_binary_frames_by_default_and_json_when_asked(server):
    env = RemoteEnv("CartPole-v1", port=server.port)
    try:
        assert env.binary is True and env.client.binary is True
    finally:
        env.close()
    with GymClient(port=server.port, binary=False) as json_client:
        assert RemoteEnv("CartPole-v1", client=json_client).binary is False


@pytest.mark.parametrize("env_id, kwargs, actions", [
    ("FrozenLake-v1", {"map_name": "8x8"}, [1, 2, 2, 1, 0, 3] * 10),
    ("CartPole-v1", {}, [0, 1, 1, 0, 1] * 20),
    ("Pendulum-v1", {}, [np.array([0.25 * (i % 9 - 4)], dtype=np.float32) for i in range(40)]),
])
def test_binary_gives_the_values_of_json(server, env_id, kwargs, actions):
    runs = []
    for binary in (False, True):
        with GymClient(port=server.port, binary=binary) as c:
            env = RemoteEnv(env_id, client=c, **kwargs)
            assert env.binary is binary
            run = [env.reset(seed=7)]
            for action in actions:
                step = env.step(action)
                run.append(step)
                if step[2] or step[3]:
                    run.append(env.reset())
            runs.append(run)
    for json_result, binary_result in zip(*runs):
        assert len(json_result) == len(binary_result)
        np.testing.assert_array_equal(json_result[0], binary_result[0])
        assert json_result[1:] == binary_result[1:]


def test_binary_observations_are_views_of_the_reply(server):
    with GymClient(port=server.port) as c:
        env = RemoteEnv("CartPole-v1", client=c)
        observation, _ = env.reset(seed=3)
        np.testing.assert_array_equal(observation, CARTPOLE_SEED_3)
        assert observation.dtype == np.float32 and not observation.flags.owndata
        stepped = env.step(1)[0]
        assert not stepped.flags.owndata and not np.shares_memory(observation, stepped)


def test_is_a_gymnasium_env_with_full_spaces(server):
    env = RemoteEnv("CartPole-v1", port=server.port)
    try:
        assert isinstance(env, gymnasium.Env)
        assert len(env.instance) == 13 and env.env_id == "CartPole-v1" and env.backend == "native"
        assert isinstance(env.observation_space, spaces.Box)
        assert env.observation_space.shape == (4,) and env.observation_space.dtype == np.float32
        assert env.observation_space.high[0] == np.float32(4.8) and np.isinf(env.observation_space.high[1])
        assert isinstance(env.action_space, spaces.Discrete) and env.action_space.n == 2
    finally:
        env.close()


def test_reset_with_seed_is_gymnasiums(client):
    env = RemoteEnv("CartPole-v1", client=client)
    observation, info = env.reset(seed=3)
    assert observation.dtype == np.float32
    np.testing.assert_array_equal(observation, CARTPOLE_SEED_3)
    assert info == {}
    assert env.observation_space.contains(observation)


def test_reset_options_reach_the_env(client):
    env = RemoteEnv("CartPole-v1", client=client)
    narrow, _ = env.reset(seed=3, options={"low": -0.01, "high": 0.01})
    assert np.all(np.abs(narrow) <= 0.01)
    assert not np.array_equal(narrow, CARTPOLE_SEED_3)


def test_step_until_the_pole_falls_is_terminated(client):
    env = RemoteEnv("CartPole-v1", client=client)
    env.reset(seed=1)
    for steps in range(1, 501):
        observation, reward, terminated, truncated, info = env.step(np.int64(1))
        assert reward == 1.0 and isinstance(info, dict)
        if terminated or truncated:
            break
    assert terminated and not truncated and 5 <= steps <= 100


def test_the_time_limit_is_truncated(client):
    env = RemoteEnv("MountainCar-v0", client=client)
    env.reset(seed=0)
    steps = 0
    terminated = truncated = False
    while not (terminated or truncated):
        _, reward, terminated, truncated, _ = env.step(1)
        steps += 1
    assert (steps, truncated, terminated, reward) == (200, True, False, -1.0)


def test_kwargs_and_integer_rewards(client):
    env = RemoteEnv("FrozenLake-v1", client=client, is_slippery=False)
    assert env.observation_space.n == 16
    observation, info = env.reset(seed=0)
    assert observation == 0 and info == {"prob": 1}
    observation, reward, terminated, truncated, _ = env.step(2)
    assert (observation, reward, terminated, truncated) == (1, 0, False, False)
    # JSON keeps Python's int; binary frames carry every reward as a float64 (docs/protocol.md).
    assert isinstance(reward, float if client.binary else int)


def test_tuple_observations_and_box_actions(client):
    blackjack = RemoteEnv("Blackjack-v1", client=client)
    assert [s.n for s in blackjack.observation_space.spaces] == [32, 11, 2]
    hand, _ = blackjack.reset(seed=5)
    assert isinstance(hand, tuple) and blackjack.observation_space.contains(hand)

    pendulum = RemoteEnv("Pendulum-v1", client=client)
    pendulum.reset(seed=0)
    observation, reward, *_ = pendulum.step(np.array([0.5], dtype=np.float32))
    assert pendulum.observation_space.contains(observation) and reward < 0
    pendulum.step([-0.5])


def test_sample_action_is_in_the_action_space(client):
    env = RemoteEnv("Taxi-v3", client=client)
    assert all(env.action_space.contains(env.sample_action()) for _ in range(20))


def test_close_ends_the_env_and_close_all_every_one(client):
    from gymserver_client import GymServerError

    first = RemoteEnv("CartPole-v1", client=client)
    second = RemoteEnv("CartPole-v1", client=client)
    first.close()
    first.close()
    with pytest.raises(GymServerError) as closed:
        client.call("reset", instance=first.instance)
    assert closed.value.code == "unknown_instance"
    second.reset()
    client.close_all()
    with pytest.raises(GymServerError, match="unknown_instance"):
        second.reset()


def test_list_envs_names_native_envs(client):
    envs = {e["id"]: e for e in client.list_envs()}
    assert envs["CartPole-v1"]["backend"] == "native"
    assert "FrozenLake-v1" in envs


def test_works_under_gymnasium_wrappers(client):
    env = gymnasium.wrappers.TimeLimit(RemoteEnv("CartPole-v1", client=client), max_episode_steps=3)
    env.reset(seed=3)
    truncated = [env.step(0)[3] for _ in range(3)]
    assert truncated == [False, False, True]

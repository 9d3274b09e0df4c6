"""The worker's make with wrappers: Gymnasium's own classes by name, in order, arguments from JSON."""

import struct

import numpy as np
import pytest

import gymserver_testenvs  # noqa: F401  registers the test envs, as --import does
from gymserver_testenvs.compat import gym
from gymserver_worker import commands as cmd
from test_worker import Harness, STEP_RESULT

# The names are Gymnasium 1.x's; gym (0.26 and older) names its wrappers otherwise, and the worker answers those with
# unknown_wrapper naming the gym release (see the matrix in docs/worker-versions.md).
pytestmark = pytest.mark.skipif(gym.__name__ != "gymnasium", reason="Gymnasium's wrapper classes (gym names its own otherwise)")

ATARI_CHAIN = [
    {"name": "MaxAndSkipObservation", "kwargs": {"skip": 2}},
    {"name": "GrayscaleObservation"},
    {"name": "ResizeObservation", "kwargs": {"shape": [42, 42]}},
    {"name": "FrameStackObservation", "kwargs": {"stack_size": 4}},
]


@pytest.fixture
def harness():
    harness = Harness()
    yield harness
    harness.worker.close_all()


def _step(harness, env, action):
    _, data = harness.ok(cmd.STEP, env, payload=struct.pack("<q", action))
    reward, flags = STEP_RESULT.unpack_from(data)
    return reward, flags, data[STEP_RESULT.size:]


def test_a_chain_gives_the_wrapped_spaces_and_observations(harness):
    body, _ = harness.ok(cmd.MAKE, 1, {"id": "GymServerTest/Image-v0", "kwargs": {}, "wrappers": ATARI_CHAIN})
    space = body["observation_space"]
    assert (space["type"], space["shape"], space["dtype"]) == ("Box", [4, 42, 42], "uint8")
    assert body["action_space"] == {"type": "Discrete", "n": 4, "start": 0}

    _, data = harness.ok(cmd.RESET, 1, {"seed": 7})
    frames = np.frombuffer(data, np.uint8).reshape(4, 42, 42)
    # FrameStackObservation pads with the reset observation: four equal frames.
    assert all((frames[i] == frames[3]).all() for i in range(3))

    reward, flags, data = _step(harness, 1, 3)
    stacked = np.frombuffer(data, np.uint8).reshape(4, 42, 42)
    assert reward == 3.0  # two env steps of 1.5 each, summed by MaxAndSkipObservation
    assert flags == 0
    assert (stacked[:3] == frames[:3]).all() and stacked.shape == (4, 42, 42)


def test_an_episode_of_skipped_frames_ends_in_half_the_steps(harness):
    harness.ok(cmd.MAKE, 1, {"id": "GymServerTest/Image-v0", "wrappers": [{"name": "MaxAndSkipObservation", "kwargs": {"skip": 2}}]})
    harness.ok(cmd.RESET, 1, {"seed": 1})
    flags = [_step(harness, 1, 0)[1] for _ in range(25)]
    assert flags[:24] == [0] * 24 and flags[24] == 1  # the env terminates after 50 of its own steps


def test_reward_clipping_and_reshaping_on_a_builtin_env(harness):
    body, _ = harness.ok(cmd.MAKE, 1, {"id": "CartPole-v1", "wrappers": [
        {"name": "ClipReward", "kwargs": {"max_reward": 0.5}},
        {"name": "ReshapeObservation", "kwargs": {"shape": [2, 2]}},
    ]})
    assert body["observation_space"]["shape"] == [2, 2]
    harness.ok(cmd.RESET, 1, {"seed": 0})
    reward, _, data = _step(harness, 1, 1)
    assert reward == 0.5 and len(data) == 16


def test_unknown_and_refused_wrappers_are_errors_and_the_handle_stays_free(harness):
    unknown = harness.error(cmd.MAKE, 1, {"id": "CartPole-v1", "wrappers": [{"name": "NoSuchWrapper"}]})
    assert unknown["code"] == cmd.UNKNOWN_WRAPPER and "NoSuchWrapper" in unknown["message"]
    private = harness.error(cmd.MAKE, 1, {"id": "CartPole-v1", "wrappers": [{"name": "np"}]})
    assert private["code"] == cmd.UNKNOWN_WRAPPER  # a module attribute that is no Wrapper class

    bad_kwargs = harness.error(cmd.MAKE, 1, {"id": "CartPole-v1", "wrappers": [
        {"name": "ClipReward", "kwargs": {"max_reward": 1}}, {"name": "ReshapeObservation", "kwargs": {"nonsense": 1}}]})
    assert bad_kwargs["code"] == cmd.INVALID_ARGUMENT
    assert bad_kwargs["message"].startswith("wrapper 2 of 2 (ReshapeObservation): TypeError")

    not_an_image = harness.error(cmd.MAKE, 1, {"id": "CartPole-v1", "wrappers": [{"name": "GrayscaleObservation"}]})
    assert not_an_image["code"] == cmd.INVALID_ARGUMENT and "GrayscaleObservation" in not_an_image["message"]

    harness.ok(cmd.MAKE, 1, {"id": "CartPole-v1"})  # none of the refusals kept the handle

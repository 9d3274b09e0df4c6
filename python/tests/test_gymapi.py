import importlib

import pytest

from gymserver_worker.gymapi import GymApi, error_code, make_error_code


@pytest.fixture
def old_gym():
    return GymApi(importlib.import_module("gym"))


def test_old_gym_is_recognised_as_old(old_gym):
    assert old_gym.name == "gym" and old_gym.version == "0.21.0" and not old_gym.modern
    assert old_gym.ids() == ["Countdown-v0"]


def test_old_gym_reset_and_step_take_gymnasium_shapes(old_gym):
    env = old_gym.make("Countdown-v0", {}, None, [])
    assert old_gym.reset(env, 5, None) == (3, {})
    assert old_gym.step(env, 0) == (2, 1.0, False, False, {})
    old_gym.step(env, 0)
    assert old_gym.step(env, 0) == (0, 1.0, True, False, {})


def test_old_gym_time_limit_is_truncation(old_gym):
    env = old_gym.make("Countdown-v0", {}, "rgb_array", [])
    old_gym.reset(env, None, None)
    results = [old_gym.step(env, 1) for _ in range(5)]
    assert results[-1][2:4] == (False, True)
    assert old_gym.render(env, "rgb_array").shape == (2, 2, 3)


def test_version_parsing():
    class Module:
        __name__ = "gym"
        __version__ = "0.26.2"

    assert GymApi(Module()).modern


def test_error_codes_follow_gymnasium_class_names():
    error = importlib.import_module("gymnasium.error")
    assert error_code(error.NameNotFound("x")) == "unknown_env"
    assert error_code(error.VersionNotFound("x")) == "unknown_env"
    assert error_code(error.ResetNeeded("x")) == "reset_needed"
    assert error_code(ValueError("x")) == "env_error"
    assert make_error_code(TypeError("unexpected keyword")) == "invalid_argument"
    assert error_code(TypeError("x")) == "env_error"

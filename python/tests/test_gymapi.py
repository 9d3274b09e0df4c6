import importlib

import pytest
from conftest import fake_only
from gymserver_testenvs.compat import gym

from gymserver_worker.commands import RequestError
from gymserver_worker.gymapi import GymApi, error_code


@pytest.fixture
def old_gym():
    return GymApi(importlib.import_module("gym"))


@fake_only
def test_old_gym_is_recognised_as_old(old_gym):
    assert old_gym.name == "gym" and old_gym.version == "0.21.0" and not old_gym.modern
    assert old_gym.ids() == ["Countdown-v0"]


@fake_only
def test_old_gym_reset_and_step_take_gymnasium_shapes(old_gym):
    env = old_gym.make("Countdown-v0", {}, None, [])
    assert old_gym.reset(env, 5, None) == (3, {})
    assert old_gym.step(env, 0) == (2, 1.0, False, False, {})
    old_gym.step(env, 0)
    assert old_gym.step(env, 0) == (0, 1.0, True, False, {})


@fake_only
def test_old_gym_reset_refuses_options_its_env_does_not_take(old_gym):
    env = old_gym.make("Countdown-v0", {}, None, [])
    with pytest.raises(RequestError) as refused:
        old_gym.reset(env, 1, {"start": 2})
    assert refused.value.code == "invalid_argument" and "takes no options" in str(refused.value)


@fake_only
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


@pytest.mark.parametrize("name", ["UnregisteredEnv", "NameNotFound", "VersionNotFound", "NamespaceNotFound",
                                  "DeprecatedEnv"])
def test_unknown_id_errors_are_unknown_env(name):
    if not hasattr(gym.error, name):
        pytest.skip(f"{gym.__name__} {gym.__version__} has no error.{name}")
    assert error_code(getattr(gym.error, name)("x")) == "unknown_env"


def test_error_codes_follow_the_gym_packages_class_names():
    assert error_code(gym.error.ResetNeeded("x")) == "reset_needed"
    assert error_code(ValueError("x")) == "env_error"
    assert error_code(TypeError("x")) == "env_error"


@fake_only
def test_old_gym_env_made_without_render_mode_renders_nothing_as_in_gymnasium(old_gym):
    env = old_gym.make("Countdown-v0", {}, None, [])
    old_gym.reset(env, None, None)
    assert old_gym.render(env, None) is None

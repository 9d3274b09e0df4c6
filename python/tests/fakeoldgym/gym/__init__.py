"""A stand-in for the old gym package (before 0.26), for the worker's fallback path.

reset() returns the observation alone, seeding is env.seed(n), step() returns (obs, reward, done, info) with
TimeLimit's "TimeLimit.truncated" in the info, and render takes mode=. The registry is gym 0.21's
``gym.envs.registry.env_specs``.
"""

import types

import numpy as np

from gym import spaces

__version__ = "0.21.0"


class Env:
    """The old base env."""

    metadata = {"render.modes": ["rgb_array"]}
    spec = None

    def seed(self, seed=None):
        self.np_random = np.random.default_rng(seed)
        return [seed]

    def close(self):
        pass

    @property
    def unwrapped(self):
        return self


class CountdownEnv(Env):
    """Counts down from 3; done at 0. A 5-step TimeLimit cuts episodes reset with a larger start."""

    def __init__(self):
        self.observation_space = spaces.Discrete(10)
        self.action_space = spaces.Discrete(2)
        self.value = 3
        self.steps = 0
        self.seed()

    def reset(self):
        self.value = 3 + int(self.np_random.integers(0, 1))
        self.steps = 0
        return self.value

    def step(self, action):
        self.steps += 1
        self.value = max(0, self.value - 1 + int(action))
        info = {"TimeLimit.truncated": True} if self.steps >= 5 and self.value > 0 else {}
        return self.value, 1.0, self.value == 0 or bool(info), info

    def render(self, mode="human"):
        return np.full((2, 2, 3), self.value, np.uint8) if mode == "rgb_array" else None


class _Spec:
    def __init__(self, id):
        self.id = id
        self.max_episode_steps = 5
        self.reward_threshold = None
        self.nondeterministic = False


_SPECS = {"Countdown-v0": _Spec("Countdown-v0")}
envs = types.SimpleNamespace(registry=types.SimpleNamespace(env_specs=_SPECS))


def make(id, **kwargs):
    """Makes the one registered env."""
    if id not in _SPECS:
        raise KeyError(f"No registered env with id: {id}")
    env = CountdownEnv(**kwargs)
    env.spec = _SPECS[id]
    return env

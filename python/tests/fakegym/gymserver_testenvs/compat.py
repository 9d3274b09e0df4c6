"""The gym package the test envs are written against, and a base class that speaks its env API.

The worker's tests run against the fake gymnasium beside this package and, to check every version users have,
against real Gymnasium 1.x and gym 0.26 and 0.21 (docs/worker-versions.md). The envs are written once, in
Gymnasium's terms (``begin``, ``advance`` and ``draw`` below); :class:`PortableEnv` presents them the way the
installed package's own envs look: ``reset(seed=, options=) -> (obs, info)`` and a five-tuple step from
gymnasium and gym 0.26, or ``seed(n)``, ``reset() -> obs``, a four-tuple step and ``render(mode=)`` from gym
before 0.26, the API the worker adapts to Gymnasium's.
"""

import inspect

import numpy as np

try:
    import gymnasium as gym
except ImportError:  # a machine with only the old gym package: the tests then target it
    import gym

spaces = gym.spaces
register = gym.envs.registration.register

MODERN = "seed" in inspect.signature(gym.Env.reset).parameters
"""Whether the package has Gymnasium's API (gymnasium, gym 0.26) rather than gym 0.21's."""

DISCRETE_HAS_START = "start" in inspect.signature(gym.spaces.Discrete).parameters
"""gym 0.21's Discrete always starts at 0."""

__all__ = ["DISCRETE_HAS_START", "MODERN", "PortableEnv", "gym", "register", "render_metadata", "spaces"]


def render_metadata(modes, fps=None):
    """An env's ``metadata`` under the package's key names (gym before 0.26 spelled them differently)."""
    if MODERN:
        return {"render_modes": list(modes), "render_fps": fps}
    return {"render.modes": list(modes), "video.frames_per_second": fps}


class PortableEnv(gym.Env):
    """A test env: subclasses implement ``begin``, ``advance`` and (if they render) ``draw``."""

    def begin(self, options):
        """Starts an episode; returns ``(observation, info)``. ``self.np_random`` is seeded already."""
        raise NotImplementedError

    def advance(self, action):
        """One step; returns ``(observation, reward, terminated, truncated, info)``."""
        raise NotImplementedError

    def draw(self):
        """The render of the current state, in the mode the env was made with (Gymnasium) or asked for (gym)."""
        return None

    if MODERN:

        def reset(self, *, seed=None, options=None):
            super().reset(seed=seed)
            return self.begin(options)

        def step(self, action):
            return self.advance(action)

        def render(self):
            return self.draw()

    else:
        _generator = None

        @property
        def np_random(self):
            if self._generator is None:
                self.seed()
            return self._generator

        def seed(self, seed=None):
            self._generator = np.random.default_rng(seed)
            return [seed]

        def reset(self, options=None):
            # gym 0.21 envs have no reset info: it is dropped, as such an env would never have made it.
            observation, _info = self.begin(options)
            return observation

        def step(self, action):
            observation, reward, terminated, truncated, info = self.advance(action)
            return observation, reward, terminated or truncated, info

        def render(self, mode="human"):
            self.render_mode = mode
            return self.draw()

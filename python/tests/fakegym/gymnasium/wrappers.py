"""The wrappers make applies: TimeLimit and OrderEnforcing."""

from gymnasium import error
from gymnasium.core import Wrapper


class TimeLimit(Wrapper):
    """Truncates an episode after max_episode_steps steps."""

    def __init__(self, env, max_episode_steps):
        super().__init__(env)
        self._max_episode_steps = max_episode_steps
        self._elapsed_steps = None

    def step(self, action):
        observation, reward, terminated, truncated, info = self.env.step(action)
        self._elapsed_steps += 1
        if self._elapsed_steps >= self._max_episode_steps:
            truncated = True
        return observation, reward, terminated, truncated, info

    def reset(self, *, seed=None, options=None):
        self._elapsed_steps = 0
        return self.env.reset(seed=seed, options=options)


class OrderEnforcing(Wrapper):
    """Refuses step and render before the first reset."""

    def __init__(self, env):
        super().__init__(env)
        self._has_reset = False

    def step(self, action):
        if not self._has_reset:
            raise error.ResetNeeded("Cannot call env.step() before calling env.reset()")
        return self.env.step(action)

    def reset(self, *, seed=None, options=None):
        self._has_reset = True
        return self.env.reset(seed=seed, options=options)

    def render(self):
        if not self._has_reset:
            raise error.ResetNeeded("Cannot call env.render() before calling env.reset()")
        return self.env.render()

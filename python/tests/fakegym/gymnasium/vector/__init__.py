"""gymnasium.vector's base class and autoreset modes, with Gymnasium 1.x's attributes and signatures."""

from enum import Enum

from gymnasium.vector import utils


class AutoresetMode(Enum):
    """When a vector env resets a sub-env whose episode ended."""

    NEXT_STEP = "NextStep"
    SAME_STEP = "SameStep"
    DISABLED = "Disabled"


class VectorEnv:
    """The base vector env: num_envs copies, batched spaces, reset/step/close."""

    metadata = {}
    spec = None
    render_mode = None
    closed = False
    observation_space = None
    action_space = None
    single_observation_space = None
    single_action_space = None
    num_envs = 0

    def reset(self, *, seed=None, options=None):
        raise NotImplementedError

    def step(self, actions):
        raise NotImplementedError

    def render(self):
        raise NotImplementedError

    def close_extras(self, **kwargs):
        pass

    def close(self, **kwargs):
        if self.closed:
            return
        self.close_extras(**kwargs)
        self.closed = True

    @property
    def unwrapped(self):
        return self


__all__ = ["AutoresetMode", "VectorEnv", "utils"]

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


# The wrappers GymServer's tests apply through the worker (docs/wrappers.md), with Gymnasium 1.x's names, arguments,
# spaces and checks. ResizeObservation samples pixels instead of calling opencv's area interpolation: the tests check
# its shapes and leave pixel values to real Gymnasium (python/tests/run_version_matrix.sh).

import numpy as np  # noqa: E402

from gymnasium import spaces  # noqa: E402
from gymnasium.core import ObservationWrapper, RewardWrapper  # noqa: E402


class ClipReward(RewardWrapper):
    """Clips each reward to [min_reward, max_reward]."""

    def __init__(self, env, min_reward=None, max_reward=None):
        if min_reward is None and max_reward is None:
            raise ValueError("Both `min_reward` and `max_reward` cannot be None")
        super().__init__(env)
        self.min_reward, self.max_reward = min_reward, max_reward

    def reward(self, reward):
        return np.clip(reward, self.min_reward, self.max_reward)


class GrayscaleObservation(ObservationWrapper):
    """RGB (h, w, 3) uint8 frames to luminance (h, w), or (h, w, 1) with keep_dim."""

    def __init__(self, env, keep_dim=False):
        space = env.observation_space
        if not (isinstance(space, spaces.Box) and len(space.shape) == 3 and space.shape[-1] == 3
                and space.dtype == np.uint8):
            raise ValueError(f"GrayscaleObservation requires a (h, w, 3) uint8 Box, got {space}")
        super().__init__(env)
        self.keep_dim = keep_dim
        shape = space.shape[:2] + ((1,) if keep_dim else ())
        self.observation_space = spaces.Box(0, 255, shape, np.uint8)

    def observation(self, observation):
        gray = np.sum(np.multiply(observation, np.array([0.2125, 0.7154, 0.0721])), axis=-1).astype(np.uint8)
        return gray[..., np.newaxis] if self.keep_dim else gray


class ResizeObservation(ObservationWrapper):
    """Images (h, w[, c]) of uint8 0..255 to shape (h', w'[, c])."""

    def __init__(self, env, shape):
        space = env.observation_space
        if not isinstance(space, spaces.Box) or len(space.shape) not in (2, 3) or space.dtype != np.uint8:
            raise ValueError(f"ResizeObservation requires a 2D or 3D uint8 image, got {space}")
        if not isinstance(shape, tuple):
            raise TypeError(f"ResizeObservation requires shape to be a tuple, got {type(shape)}")
        if len(shape) != 2 or not all(isinstance(x, int) and x > 0 for x in shape):
            raise ValueError(f"ResizeObservation requires a shape of two positive integers, got {shape}")
        super().__init__(env)
        self.shape = shape
        self.rows = (np.arange(shape[0]) * space.shape[0]) // shape[0]
        self.columns = (np.arange(shape[1]) * space.shape[1]) // shape[1]
        self.observation_space = spaces.Box(0, 255, shape + space.shape[2:], np.uint8)

    def observation(self, observation):
        return np.ascontiguousarray(observation[self.rows][:, self.columns])


class ReshapeObservation(ObservationWrapper):
    """Box observations reshaped to ``shape`` (same number of elements)."""

    def __init__(self, env, shape):
        space = env.observation_space
        if not isinstance(space, spaces.Box):
            raise TypeError(f"ReshapeObservation requires a Box observation space, got {type(space)}")
        if int(np.prod(shape)) != int(np.prod(space.shape)):
            raise ValueError(f"cannot reshape {space.shape} to {shape}")
        super().__init__(env)
        self.shape = tuple(shape) if isinstance(shape, tuple) else (shape,)
        self.observation_space = spaces.Box(space.low.reshape(self.shape), space.high.reshape(self.shape),
                                            self.shape, space.dtype)

    def observation(self, observation):
        return np.reshape(observation, self.shape)


class FrameStackObservation(Wrapper):
    """The last stack_size observations, oldest first; after a reset, padded with the reset observation."""

    def __init__(self, env, stack_size, *, padding_type="reset"):
        if not isinstance(stack_size, int) or stack_size < 1:
            raise ValueError(f"The stack_size is expected to be a positive integer, actual value: {stack_size}")
        if padding_type not in ("reset", "zero"):
            raise ValueError(f"padding_type must be 'reset' or 'zero' here, got {padding_type!r}")
        super().__init__(env)
        space = env.observation_space
        self.stack_size, self.padding_type = stack_size, padding_type
        self.observation_space = spaces.Box(np.repeat(space.low[np.newaxis], stack_size, axis=0),
                                            np.repeat(space.high[np.newaxis], stack_size, axis=0),
                                            (stack_size,) + space.shape, space.dtype)
        self.frames = []

    def reset(self, *, seed=None, options=None):
        observation, info = self.env.reset(seed=seed, options=options)
        padding = observation if self.padding_type == "reset" else np.zeros_like(observation)
        self.frames = [padding] * (self.stack_size - 1) + [observation]
        return np.stack(self.frames), info

    def step(self, action):
        observation, reward, terminated, truncated, info = self.env.step(action)
        self.frames = self.frames[1:] + [observation]
        return np.stack(self.frames), reward, terminated, truncated, info


class MaxAndSkipObservation(Wrapper):
    """Repeats each action skip times, summing rewards; the observation is the max of the last two frames."""

    def __init__(self, env, skip=4):
        if not isinstance(skip, int) or skip < 2:
            raise ValueError(f"The skip is expected to be an integer of at least 2, actual value: {skip}")
        super().__init__(env)
        self.skip = skip
        self.buffer = np.zeros((2,) + env.observation_space.shape, dtype=env.observation_space.dtype)

    def step(self, action):
        total, terminated, truncated, info = 0.0, False, False, {}
        for i in range(self.skip):
            observation, reward, terminated, truncated, info = self.env.step(action)
            if i == self.skip - 2:
                self.buffer[0] = observation
            if i == self.skip - 1:
                self.buffer[1] = observation
            total += float(reward)
            if terminated or truncated:
                break
        return self.buffer.max(axis=0), total, terminated, truncated, info

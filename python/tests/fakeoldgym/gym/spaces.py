"""Old gym's Discrete (no start attribute) and Box."""

import numpy as np


class Space:
    """Base."""

    def seed(self, seed=None):
        self.np_random = np.random.default_rng(seed)

    def sample(self):
        raise NotImplementedError


class Discrete(Space):
    """0 .. n-1."""

    def __init__(self, n):
        self.n = n
        self.seed()

    def sample(self):
        return int(self.np_random.integers(self.n))


class Box(Space):
    """A float array."""

    def __init__(self, low, high, shape, dtype=np.float32):
        self.low = np.full(shape, low, dtype)
        self.high = np.full(shape, high, dtype)
        self.shape = shape
        self.dtype = np.dtype(dtype)
        self.seed()

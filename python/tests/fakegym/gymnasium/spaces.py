"""Gymnasium's spaces, with their attributes, seeding and sampling (same API; sampling need not match bit for bit)."""

import numpy as np

from gymnasium.utils import seeding


class Space:
    """Base: shape, dtype and a space-owned np_random."""

    def __init__(self, shape=None, dtype=None, seed=None):
        self._shape = None if shape is None else tuple(shape)
        self.dtype = None if dtype is None else np.dtype(dtype)
        self._np_random = None
        if seed is not None:
            self.seed(seed)

    @property
    def shape(self):
        return self._shape

    @property
    def np_random(self):
        if self._np_random is None:
            self.seed()
        return self._np_random

    def seed(self, seed=None):
        self._np_random, entropy = seeding.np_random(seed)
        return [entropy]

    def sample(self, mask=None):
        raise NotImplementedError

    def contains(self, x):
        raise NotImplementedError

    def __contains__(self, x):
        return self.contains(x)


class Discrete(Space):
    """The integers start .. start + n - 1."""

    def __init__(self, n, seed=None, start=0):
        # Gymnasium 1.4's checks (earlier versions asserted the same).
        if not np.issubdtype(type(n), np.integer):
            raise TypeError(f"Expects `n` to be an integer, actual dtype: {type(n)}")
        if n <= 0:
            raise ValueError(f"n (counts) have to be positive, actual value: {n}")
        self.n = np.int64(n)
        self.start = np.int64(start)
        super().__init__((), np.int64, seed)

    def sample(self, mask=None):
        return self.start + self.np_random.integers(self.n)

    def contains(self, x):
        try:
            value = int(x)
        except (TypeError, ValueError):
            return False
        return value == x and self.start <= value < self.start + self.n

    def __repr__(self):
        return f"Discrete({self.n})" if self.start == 0 else f"Discrete({self.n}, start={self.start})"


class Box(Space):
    """An array of fixed shape and dtype between low and high, broadcast from scalars."""

    def __init__(self, low, high, shape=None, dtype=np.float32, seed=None):
        dtype = np.dtype(dtype)
        if shape is None:
            shape = np.shape(low) if np.shape(low) else np.shape(high)
        shape = tuple(int(d) for d in shape)
        self.low = np.full(shape, low, dtype=dtype) if np.isscalar(low) else np.asarray(low, dtype=dtype)
        self.high = np.full(shape, high, dtype=dtype) if np.isscalar(high) else np.asarray(high, dtype=dtype)
        super().__init__(shape, dtype, seed)

    def sample(self, mask=None):
        if self.dtype.kind in "iu":
            return self.np_random.integers(self.low, self.high, size=self.shape, dtype=self.dtype, endpoint=True)
        low = np.where(np.isfinite(self.low), self.low, -1.0)
        high = np.where(np.isfinite(self.high), self.high, 1.0)
        return self.np_random.uniform(low, high, size=self.shape).astype(self.dtype)

    def contains(self, x):
        x = np.asarray(x)
        return x.shape == self.shape and bool(np.all(x >= self.low) and np.all(x <= self.high))

    def __repr__(self):
        return f"Box({self.low.min()}, {self.high.max()}, {self.shape}, {self.dtype})"


class MultiDiscrete(Space):
    """An array of Discrete values, each with its own n (nvec) and start."""

    def __init__(self, nvec, dtype=np.int64, seed=None, start=None):
        self.nvec = np.asarray(nvec, dtype=dtype)
        self.start = np.zeros_like(self.nvec) if start is None else np.asarray(start, dtype=dtype)
        super().__init__(self.nvec.shape, dtype, seed)

    def sample(self, mask=None):
        return (self.np_random.random(self.nvec.shape) * self.nvec).astype(self.dtype) + self.start

    def contains(self, x):
        x = np.asarray(x)
        return x.shape == self.shape and bool(np.all(x >= self.start) and np.all(x < self.start + self.nvec))


class MultiBinary(Space):
    """An int8 array of zeros and ones; n is an int or a shape."""

    def __init__(self, n, seed=None):
        self.n = n
        super().__init__((n,) if np.isscalar(n) else tuple(n), np.int8, seed)

    def sample(self, mask=None):
        return self.np_random.integers(0, 2, size=self.shape, dtype=self.dtype)

    def contains(self, x):
        x = np.asarray(x)
        return x.shape == self.shape and bool(np.all((x == 0) | (x == 1)))


class Tuple(Space):
    """A tuple of subspace values."""

    def __init__(self, spaces, seed=None):
        self.spaces = tuple(spaces)
        super().__init__(None, None, seed)

    def seed(self, seed=None):
        result = super().seed(seed)
        subseeds = self._np_random.integers(np.iinfo(np.int32).max, size=len(self.spaces))
        for space, subseed in zip(self.spaces, subseeds):
            space.seed(int(subseed))
        return result

    def sample(self, mask=None):
        return tuple(space.sample() for space in self.spaces)

    def contains(self, x):
        return isinstance(x, tuple) and len(x) == len(self.spaces) and all(s.contains(v) for s, v in zip(self.spaces, x))

    def __getitem__(self, index):
        return self.spaces[index]

    def __len__(self):
        return len(self.spaces)


class Dict(Space):
    """A dict of subspace values; a plain dict of spaces is sorted by key, as Gymnasium does."""

    def __init__(self, spaces=None, seed=None, **kwargs):
        spaces = dict(spaces or {}, **kwargs)
        try:
            spaces = dict(sorted(spaces.items()))
        except TypeError:
            pass
        self.spaces = spaces
        super().__init__(None, None, seed)

    def seed(self, seed=None):
        result = super().seed(seed)
        subseeds = self._np_random.integers(np.iinfo(np.int32).max, size=len(self.spaces))
        for space, subseed in zip(self.spaces.values(), subseeds):
            space.seed(int(subseed))
        return result

    def sample(self, mask=None):
        return {key: space.sample() for key, space in self.spaces.items()}

    def contains(self, x):
        return isinstance(x, dict) and x.keys() == self.spaces.keys() and all(
            space.contains(x[key]) for key, space in self.spaces.items())

    def __getitem__(self, key):
        return self.spaces[key]


class Text(Space):
    """Strings over a charset: here only so tests can show the worker refusing a space it cannot carry."""

    def __init__(self, max_length, seed=None):
        self.max_length = max_length
        super().__init__((), None, seed)

    def sample(self, mask=None):
        return "a" * int(self.np_random.integers(self.max_length + 1))

"""gymnasium.vector.utils.batch_space: the space of num_envs stacked values of a single space."""

import numpy as np

from gymnasium import spaces


def batch_space(space, n=1):
    """Batched Box, MultiDiscrete (from Discrete), MultiBinary; Tuple and Dict batch each part, as Gymnasium does."""
    if isinstance(space, spaces.Box):
        repeats = (n,) + (1,) * len(space.shape)
        return spaces.Box(np.tile(space.low, repeats), np.tile(space.high, repeats), dtype=space.dtype)
    if isinstance(space, spaces.Discrete):
        return spaces.MultiDiscrete(np.full((n,), space.n, dtype=space.dtype), dtype=space.dtype,
                                    start=np.full((n,), space.start, dtype=space.dtype))
    if isinstance(space, spaces.MultiDiscrete):
        repeats = (n,) + (1,) * space.nvec.ndim
        return spaces.MultiDiscrete(np.tile(space.nvec, repeats), dtype=space.dtype, start=np.tile(space.start, repeats))
    if isinstance(space, spaces.MultiBinary):
        return spaces.MultiBinary((n,) + tuple(space.shape))
    if isinstance(space, spaces.Tuple):
        return spaces.Tuple(tuple(batch_space(s, n) for s in space.spaces))
    if isinstance(space, spaces.Dict):
        return spaces.Dict([(key, batch_space(s, n)) for key, s in space.spaces.items()])
    raise TypeError(f"cannot batch {space!r}")

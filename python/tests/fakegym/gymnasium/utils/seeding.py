"""Gymnasium's seeding helper: a numpy Generator from an optional non-negative int seed."""

import numpy as np

from gymnasium import error


def np_random(seed=None):
    """Returns (Generator(PCG64(SeedSequence(seed))), the seed's entropy)."""
    if seed is not None and not (isinstance(seed, int) and not isinstance(seed, bool) and seed >= 0):
        raise error.Error(f"Seed must be a non-negative python integer, actual value: {seed!r}")
    sequence = np.random.SeedSequence(seed)
    return np.random.Generator(np.random.PCG64(sequence)), sequence.entropy

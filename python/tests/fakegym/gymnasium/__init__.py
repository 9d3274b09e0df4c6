"""A Gymnasium stand-in for GymServer's tests (see ../README.md)."""

from gymnasium import error, spaces, utils, wrappers
from gymnasium.core import Env, Wrapper
from gymnasium.envs.registration import EnvSpec, make, register, registry, spec

__version__ = "1.2.2+gymserver.fake"

__all__ = ["Env", "EnvSpec", "Wrapper", "error", "make", "register", "registry", "spaces", "spec", "utils", "wrappers"]

import gymnasium.envs  # noqa: E402,F401  registers the built-in envs, as Gymnasium's own __init__ does

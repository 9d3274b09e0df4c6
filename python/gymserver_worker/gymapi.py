"""The Gymnasium API the worker calls, from gymnasium itself or, failing that, the old gym package.

Old gym (before 0.26) resets to a bare observation, seeds through ``env.seed``, steps to a 4-tuple with one
``done`` flag and renders with ``render(mode=...)``; :class:`GymApi` gives the worker Gymnasium's shapes either way.
"""

from __future__ import annotations

import importlib
import inspect
import os
import re
from typing import Any, Dict, List, Optional, Tuple

from .commands import ENV_ERROR, FORBIDDEN_ENV, INVALID_ARGUMENT, RESET_NEEDED, UNKNOWN_ENV, RequestError

_UNKNOWN_ID_ERRORS = {"UnregisteredEnv", "NameNotFound", "VersionNotFound", "NamespaceNotFound", "DeprecatedEnv"}

_BAD_CALL = re.compile(r"unexpected keyword argument|got multiple values for|missing \d+ required|takes \d+ positional")
"""What Python says when a call's arguments do not fit the function's signature."""

StepTuple = Tuple[Any, float, bool, bool, Dict[str, Any]]


class BackendMissing(Exception):
    """Neither gymnasium nor gym can be imported."""


class GymApi:
    """One of the two packages, and how to call it."""

    def __init__(self, module: Any) -> None:
        self.module = module
        self.name: str = module.__name__
        self.version: str = str(getattr(module, "__version__", "unknown"))
        self.modern = self.name == "gymnasium" or _version_at_least(self.version, (0, 26))
        package_file = getattr(module, "__file__", None)
        self._package_dir = os.path.dirname(os.path.abspath(package_file)) + os.sep if package_file else None

    @classmethod
    def load(cls) -> GymApi:
        """Imports gymnasium, or gym when gymnasium is not installed.

        Raises:
            BackendMissing: Neither imports; the message says why for each.
        """
        failures = []
        for name in ("gymnasium", "gym"):
            try:
                return cls(importlib.import_module(name))
            except ImportError as error:
                failures.append(f"{name}: {error}")
        raise BackendMissing("cannot import gymnasium or gym (" + "; ".join(failures) + "); pip install gymnasium")

    def ids(self) -> List[str]:
        """Every id in the package's registry."""
        registry = getattr(self.module, "registry", None)
        if registry is None:
            registry = self.module.envs.registry
        if hasattr(registry, "env_specs"):  # gym before 0.22
            registry = registry.env_specs
        return sorted(str(key) for key in registry.keys())

    def make(self, env_id: str, kwargs: Dict[str, Any], render_mode: Optional[str], allowed: List[str]) -> Any:
        """``make(env_id, render_mode=..., **kwargs)``, refusing ``module:Name`` ids whose module is not allowed."""
        module = env_id.rpartition(":")[0]
        if module and module not in allowed:
            raise RequestError(FORBIDDEN_ENV, f"env id '{env_id}' would import module '{module}', which is not allowed")
        if render_mode is not None and self.modern:
            kwargs = {**kwargs, "render_mode": render_mode}
        return self.module.make(env_id, **kwargs)

    def reset(self, env: Any, seed: Optional[int], options: Optional[Dict[str, Any]]) -> Tuple[Any, Dict[str, Any]]:
        """Gymnasium's ``reset(seed=, options=) -> (obs, info)``."""
        if self.modern:
            observation, info = env.reset(seed=seed, options=options)
            return observation, info
        if seed is not None:
            env.seed(seed)
        if not options:
            return env.reset(), {}
        # Old gym's wrappers pass keywords on to the env; most of its envs take none, so ask the env itself.
        if "options" not in inspect.signature(env.unwrapped.reset).parameters:
            raise RequestError(INVALID_ARGUMENT, f"this env's reset takes no options (it is written for {self.name} "
                                                 f"{self.version}'s API, where reset has no arguments)")
        return env.reset(options=options), {}

    def step(self, env: Any, action: Any) -> StepTuple:
        """Gymnasium's ``step(action) -> (obs, reward, terminated, truncated, info)``."""
        if self.modern:
            observation, reward, terminated, truncated, info = env.step(action)
            return observation, reward, terminated, truncated, info
        observation, reward, done, info = env.step(action)
        # Old gym's TimeLimit marks a cut-off episode in the info; anything else that ends it is termination.
        truncated = bool(info.get("TimeLimit.truncated", False))
        return observation, reward, bool(done) and not truncated, truncated, info

    def make_error_code(self, error: BaseException) -> str:
        """The wire code for an exception raised by make: kwargs the env does not take are the caller's error.

        That is a TypeError about a call's arguments raised in the package's own frame, where make calls the env's
        constructor with the kwargs (or in ours, where make itself is called). A TypeError raised inside the env, or by a space it builds (Gymnasium 1.4 raises
        TypeError and ValueError where earlier versions asserted), stays the env's error whatever the version.
        """
        code = error_code(error)
        if code != ENV_ERROR:
            return code
        # Gymnasium's make catches the constructor's TypeError and raises a new one naming the id and kwargs.
        original = error
        while isinstance(original.__context__, TypeError):
            original = original.__context__
        if isinstance(original, TypeError) and _BAD_CALL.search(str(original)) and self._raised_by_package(original):
            return INVALID_ARGUMENT
        return code

    def _raised_by_package(self, error: BaseException) -> bool:
        """Whether the innermost frame of the error's traceback is the package's code or this module's."""
        innermost = error.__traceback__
        while innermost is not None and innermost.tb_next is not None:
            innermost = innermost.tb_next
        if innermost is None:
            return False
        raised_in = os.path.abspath(innermost.tb_frame.f_code.co_filename)
        in_package = self._package_dir is not None and raised_in.startswith(self._package_dir)
        return in_package or raised_in == os.path.abspath(__file__)

    def render(self, env: Any, render_mode: Optional[str]) -> Any:
        """Gymnasium's ``render()``: the mode was chosen at make, and an env made without one renders nothing."""
        if self.modern:
            return env.render()
        if render_mode is None:
            return None
        return env.render(mode=render_mode)


def error_code(error: BaseException) -> str:
    """The wire code for an exception raised by env code."""
    if isinstance(error, RequestError):
        return error.code
    names = {cls.__name__ for cls in type(error).__mro__}
    if names & _UNKNOWN_ID_ERRORS:
        return UNKNOWN_ENV
    if "ResetNeeded" in names:
        return RESET_NEEDED
    return ENV_ERROR


def _version_at_least(version: str, minimum: Tuple[int, int]) -> bool:
    numbers = [int(part) for part in re.findall(r"\d+", version)[:2]]
    return len(numbers) == 2 and (numbers[0], numbers[1]) >= minimum

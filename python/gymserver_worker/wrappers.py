"""Gymnasium's own wrapper classes, applied by name around an env the worker made.

The server sends only names on its allow-list (``Gym:Envs:AllowedWrappers``), with plain JSON keyword arguments;
this module turns each name into the package's class and the JSON into the values Gymnasium's signatures take.
"""

from __future__ import annotations

from typing import Any, Dict, List

import numpy as np

from .commands import ENV_ERROR, INVALID_ARGUMENT, UNKNOWN_WRAPPER, RequestError

TUPLE_ARGUMENTS = frozenset({"shape", "bins", "filter_keys"})
"""Arguments Gymnasium's wrappers take as tuples (ResizeObservation checks ``isinstance(shape, tuple)``)."""

_MISSING_DEPENDENCY = {"DependencyNotInstalled", "ImportError"}
"""What a wrapper raises when an optional package it needs (opencv for ResizeObservation) is not installed."""


def apply(package: Any, env: Any, wrappers: Any) -> Any:
    """Wraps ``env`` in each wrapper of the list in turn and returns the outermost.

    On a refusal the env (and any wrapper already around it) is left to the caller to close.

    Raises:
        RequestError: The list is malformed, the package has no such wrapper (``unknown_wrapper``), the wrapper
            refuses its arguments or the env (``invalid_argument``), or needs a package that is missing (``env_error``).
    """
    if not isinstance(wrappers, list):
        raise RequestError(INVALID_ARGUMENT, "wrappers must be a list")
    for index, spec in enumerate(wrappers):
        if not isinstance(spec, dict) or not isinstance(spec.get("name"), str):
            raise RequestError(INVALID_ARGUMENT, f"wrapper {index + 1} must be an object with a name")
        name = spec["name"]
        kwargs = spec.get("kwargs") or {}
        where = f"wrapper {name}" if len(wrappers) == 1 else f"wrapper {index + 1} of {len(wrappers)} ({name})"
        if not isinstance(kwargs, dict):
            raise RequestError(INVALID_ARGUMENT, f"{where}: kwargs must be a JSON object")
        wrapper_class = _wrapper_class(package, name)
        if wrapper_class is None:
            version = getattr(package, "__version__", "unknown")
            raise RequestError(UNKNOWN_WRAPPER, f"{where}: {package.__name__} {version} has no wrapper of that name")
        try:
            env = wrapper_class(env, **_arguments(kwargs))
        except Exception as error:  # the wrapper's own checks of its arguments and of the env it wraps
            names = {cls.__name__ for cls in type(error).__mro__}
            code = ENV_ERROR if names & _MISSING_DEPENDENCY else INVALID_ARGUMENT
            raise RequestError(code, f"{where}: {type(error).__name__}: {error}") from error
    return env


def _wrapper_class(package: Any, name: str) -> Any:
    """The package's wrapper class of that name; None for anything else (a function, a module, a private name)."""
    if name.startswith("_"):
        return None
    found = getattr(getattr(package, "wrappers", None), name, None)
    base = getattr(package, "Wrapper", None)
    return found if isinstance(found, type) and base is not None and issubclass(found, base) else None


def _arguments(kwargs: Dict[str, Any]) -> Dict[str, Any]:
    """JSON lists become tuples where Gymnasium takes tuples, numpy arrays elsewhere (bounds, padding values)."""
    return {key: _value(key, value) for key, value in kwargs.items()}


def _value(key: str, value: Any) -> Any:
    if not isinstance(value, list):
        return value
    if key in TUPLE_ARGUMENTS:
        return _tuple(value)
    return np.asarray(value)


def _tuple(value: List[Any]) -> Any:
    return tuple(_tuple(item) if isinstance(item, list) else item for item in value)

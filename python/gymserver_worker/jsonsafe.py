"""Gymnasium info dicts and other env-produced values as compact JSON.

JSON has no NaN or infinity, and envs put numpy arrays and scalars in their info. Arrays become nested lists,
numpy scalars plain numbers, non-finite floats the strings "nan", "inf" and "-inf" (as the server writes them),
non-string keys their ``str``, and any other object its ``repr``: the info always arrives, in readable form.
"""

from __future__ import annotations

import json
import math
from typing import Any

import numpy as np

_SEPARATORS = (",", ":")


def dumps(value: Any) -> bytes:
    """Compact UTF-8 JSON of any env-produced value; an empty dict gives empty bytes (no meta at all)."""
    if isinstance(value, dict) and not value:
        return b""
    try:
        text = json.dumps(value, separators=_SEPARATORS, allow_nan=False, default=_plain)
    except (ValueError, TypeError):
        # NaN or infinity somewhere, or keys json cannot take: walk the whole value once.
        text = json.dumps(_sanitize(value), separators=_SEPARATORS, allow_nan=False)
    return text.encode("utf-8")


def _plain(value: Any) -> Any:
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, (set, frozenset)):
        return list(value)
    if isinstance(value, (bytes, bytearray)):
        return value.decode("latin-1")
    return repr(value)


def _sanitize(value: Any) -> Any:
    if isinstance(value, float):
        if math.isfinite(value):
            return value
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
    if isinstance(value, (str, int, bool)) or value is None:
        return value
    if isinstance(value, dict):
        return {_key(key): _sanitize(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_sanitize(item) for item in value]
    return _sanitize(_plain(value))


def _key(key: Any) -> str:
    if isinstance(key, str):
        return key
    if isinstance(key, np.generic):
        key = key.item()
    return str(key)

"""Protocol-2 space descriptions as gymnasium spaces, and values in their JSON and raw binary forms."""

from __future__ import annotations

import math
from typing import Any, Optional

import numpy as np
from gymnasium import spaces

_NON_FINITE = {"nan": math.nan, "inf": math.inf, "-inf": -math.inf}


def _number(x: Any) -> float:
    return _NON_FINITE[x] if isinstance(x, str) else x


def _floats(values: Any) -> Any:
    """Replaces the strings "nan", "inf", "-inf" of a (nested) list with floats."""
    if isinstance(values, list):
        return [_floats(v) for v in values]
    return _number(values)


def _jsonable_float(x: float) -> Any:
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return x


def space_from_description(description: dict) -> spaces.Space:
    """Builds the gymnasium space a protocol-2 description (``{"type":"Box",...}``) describes."""
    kind = description.get("type")
    if kind == "Discrete":
        return spaces.Discrete(int(description["n"]), start=int(description.get("start", 0)))
    if kind == "Box":
        dtype = np.dtype(description.get("dtype", "float32"))
        shape = tuple(description["shape"])
        low = np.asarray(_floats(description["low"]), dtype=np.float64).reshape(shape)
        high = np.asarray(_floats(description["high"]), dtype=np.float64).reshape(shape)
        return spaces.Box(low.astype(dtype), high.astype(dtype), shape=shape, dtype=dtype)
    if kind == "MultiDiscrete":
        dtype = np.dtype(description.get("dtype", "int64"))
        start = description.get("start")
        return spaces.MultiDiscrete(np.asarray(description["nvec"], dtype=dtype), dtype=dtype,
                                    start=None if start is None else np.asarray(start, dtype=dtype))
    if kind == "MultiBinary":
        n = description["n"]
        return spaces.MultiBinary(n if isinstance(n, int) else list(n))
    if kind == "Tuple":
        return spaces.Tuple([space_from_description(s) for s in description["spaces"]])
    if kind == "Dict":
        # A list of pairs keeps the server's key order (a plain dict would be sorted again).
        return spaces.Dict([(key, space_from_description(s)) for key, s in description["spaces"].items()])
    raise ValueError(f"unsupported space description: {description!r}")


def from_jsonable(space: spaces.Space, value: Any) -> Any:
    """A value of the space from its JSON form: an int for Discrete, numpy arrays, tuples and dicts."""
    if isinstance(space, spaces.Discrete):
        return int(value)
    if isinstance(space, spaces.Box):
        return np.asarray(_floats(value), dtype=space.dtype).reshape(space.shape)
    if isinstance(space, (spaces.MultiDiscrete, spaces.MultiBinary)):
        return np.asarray(value, dtype=space.dtype).reshape(space.shape)
    if isinstance(space, spaces.Tuple):
        return tuple(from_jsonable(s, v) for s, v in zip(space.spaces, value))
    if isinstance(space, spaces.Dict):
        return {key: from_jsonable(s, value[key]) for key, s in space.spaces.items()}
    raise TypeError(f"unsupported space {space!r}")


def to_jsonable(space: spaces.Space, value: Any) -> Any:
    """The JSON form of a value of the space (numpy scalars and arrays become numbers and lists)."""
    if isinstance(space, spaces.Discrete):
        return int(value)
    if isinstance(space, spaces.Box):
        array = np.asarray(value, dtype=space.dtype)
        if space.dtype.kind == "f":
            flat = [_jsonable_float(float(x)) for x in array.reshape(-1)]
            return np.array(flat, dtype=object).reshape(space.shape).tolist() if space.shape else flat[0]
        return array.tolist()
    if isinstance(space, (spaces.MultiDiscrete, spaces.MultiBinary)):
        return np.asarray(value, dtype=np.int64).tolist()
    if isinstance(space, spaces.Tuple):
        return [to_jsonable(s, v) for s, v in zip(space.spaces, value)]
    if isinstance(space, spaces.Dict):
        return {key: to_jsonable(s, value[key]) for key, s in space.spaces.items()}
    raise TypeError(f"unsupported space {space!r}")


def _raw_dtype(space: spaces.Space) -> np.dtype:
    """The little-endian dtype of a leaf space's elements in the binary layout."""
    if isinstance(space, (spaces.Discrete, spaces.MultiDiscrete)):
        return np.dtype("<i8")
    if isinstance(space, spaces.MultiBinary):
        return np.dtype("i1")
    return np.dtype(space.dtype).newbyteorder("<")


def raw_size(space: spaces.Space) -> int:
    """Bytes of one value in the binary layout."""
    if isinstance(space, spaces.Tuple):
        return sum(raw_size(s) for s in space.spaces)
    if isinstance(space, spaces.Dict):
        return sum(raw_size(s) for s in space.spaces.values())
    # math.prod, not np.prod: a numpy reduction costs microseconds, and single-env steps ask this every step.
    count = 1 if isinstance(space, spaces.Discrete) else math.prod(space.shape)
    return count * _raw_dtype(space).itemsize


def to_bytes(space: spaces.Space, value: Any) -> bytes:
    """The raw little-endian layout of a value (parts of a Tuple or Dict concatenated, a Dict in key order)."""
    if isinstance(space, spaces.Tuple):
        return b"".join(to_bytes(s, v) for s, v in zip(space.spaces, value))
    if isinstance(space, spaces.Dict):
        return b"".join(to_bytes(s, value[key]) for key, s in space.spaces.items())
    return np.asarray(value).astype(_raw_dtype(space), casting="unsafe").tobytes()


def from_bytes(space: spaces.Space, buffer: memoryview) -> Any:
    """A value read from its raw layout (the buffer holds at least ``raw_size(space)`` bytes)."""
    if isinstance(space, (spaces.Tuple, spaces.Dict)):
        parts = space.spaces if isinstance(space, spaces.Tuple) else space.spaces.values()
        values, offset = [], 0
        for part in parts:
            values.append(from_bytes(part, buffer[offset:]))
            offset += raw_size(part)
        return tuple(values) if isinstance(space, spaces.Tuple) else dict(zip(space.spaces.keys(), values))
    dtype = _raw_dtype(space)
    count = raw_size(space) // dtype.itemsize
    array = np.frombuffer(buffer, dtype=dtype, count=count)
    if isinstance(space, spaces.Discrete):
        return int(array[0])
    # No copy when the layout's dtype is the space's: the value is a view of the reply, which is its alone.
    return array.astype(space.dtype, copy=False).reshape(space.shape)


def is_leaf(space: spaces.Space) -> bool:
    """Whether a space's values are one array (or one int): every space but Tuple and Dict."""
    return not isinstance(space, (spaces.Tuple, spaces.Dict))


class LeafLayout:
    """A leaf space's binary layout for batches of values, worked out once: a vector env keeps one per space, so that
    a step does not inspect its spaces again (that took a tenth of a vector client's CPU per step)."""

    __slots__ = ("space", "raw_dtype", "value_dtype", "shape", "count", "size")

    def __init__(self, space: spaces.Space):
        discrete = isinstance(space, spaces.Discrete)
        self.space = space
        self.raw_dtype = _raw_dtype(space)
        self.value_dtype = np.dtype(np.int64) if discrete else np.dtype(space.dtype)
        self.shape = () if discrete else tuple(space.shape)
        self.count = math.prod(self.shape)
        """Elements in one value."""
        self.size = self.count * self.raw_dtype.itemsize
        """Bytes of one value."""

    def read_batch(self, buffer: memoryview, count: int) -> np.ndarray:
        """``count`` values laid out one after another, read at once as one batched array."""
        array = np.frombuffer(buffer, dtype=self.raw_dtype, count=count * self.count)
        # No copy when the layout's dtype is the space's: the values are a view of the reply, which is theirs alone.
        return array.astype(self.value_dtype, copy=False).reshape((count, *self.shape))

    def write_batch(self, values: Any, count: int) -> bytes:
        """The raw layout of ``count`` values given as one batched array (or a list of values)."""
        array = np.asarray(values).astype(self.raw_dtype, casting="unsafe")
        if array.size * array.itemsize != count * self.size:
            raise ValueError(f"actions of shape {array.shape} for {count} sub-env(s) of {self.space!r}")
        return array.tobytes()


def leaf_layout(space: spaces.Space) -> Optional[LeafLayout]:
    """The layout of a leaf space's batches; None for a Tuple or Dict, whose values go part by part."""
    return LeafLayout(space) if is_leaf(space) else None


def batch_from_jsonable(space: spaces.Space, values: list) -> np.ndarray:
    """A list of JSON values of a leaf space as one batched array (numpy reads "nan", "inf", "-inf" itself)."""
    dtype = np.int64 if isinstance(space, spaces.Discrete) else space.dtype
    shape = () if isinstance(space, spaces.Discrete) else space.shape
    return np.asarray(values, dtype=dtype).reshape((len(values), *shape))

"""Space descriptions and the raw byte layout of space values, as the server's spaces use them.

A value travels as little-endian bytes: Discrete as one int64, Box as its dtype in row-major order, MultiDiscrete
as int64s, MultiBinary as int8s, Tuple and Dict as their subspaces' values one after another (Dict in the order
of its keys). Spaces are recognised by class name, so Gymnasium's, old gym's and subclasses of either all work.
"""

from __future__ import annotations

import math
import struct
from typing import Any, Callable, Dict, List

import numpy as np

from .commands import ENV_ERROR, UNSUPPORTED_SPACE, RequestError

_INT64 = struct.Struct("<q")
_KINDS = ("Discrete", "Box", "MultiDiscrete", "MultiBinary", "Tuple", "Dict")


def space_kind(space: Any) -> str:
    """Gymnasium's class name of a space, looked up through its class hierarchy.

    Raises:
        RequestError: unsupported_space, for Text, Graph, Sequence and anything else without a byte layout.
    """
    for cls in type(space).__mro__:
        if cls.__name__ in _KINDS:
            return cls.__name__
    raise RequestError(UNSUPPORTED_SPACE, f"{type(space).__name__} spaces have no GymServer form")


def describe(space: Any) -> Dict[str, Any]:
    """The JSON-ready description the server parses, e.g. ``{"type": "Discrete", "n": 2, "start": 0}``."""
    kind = space_kind(space)
    if kind == "Discrete":
        description = {"type": kind, "n": int(space.n), "start": int(getattr(space, "start", 0))}
        return _with_dtype(description, space, "int64")
    if kind == "Box":
        dtype = np.dtype(space.dtype)
        shape = [int(d) for d in space.shape]
        return {"type": kind, "shape": shape, "dtype": dtype.name,
                "low": _bounds(space.low, shape, dtype), "high": _bounds(space.high, shape, dtype)}
    if kind == "MultiDiscrete":
        nvec = np.asarray(space.nvec)
        start = np.broadcast_to(np.asarray(getattr(space, "start", 0)), nvec.shape)
        description = {"type": kind, "nvec": nvec.astype(np.int64).tolist(), "start": start.astype(np.int64).tolist()}
        return _with_dtype(description, space, "int64")
    if kind == "MultiBinary":
        n = space.n
        return {"type": kind, "n": int(n) if np.ndim(n) == 0 else [int(d) for d in n]}
    if kind == "Tuple":
        return {"type": kind, "spaces": [describe(sub) for sub in space.spaces]}
    return {"type": kind, "spaces": {str(key): describe(sub) for key, sub in space.spaces.items()}}


def _with_dtype(description: Dict[str, Any], space: Any, default: str) -> Dict[str, Any]:
    dtype = getattr(space, "dtype", None)
    if dtype is not None and np.dtype(dtype).name != default:
        description["dtype"] = np.dtype(dtype).name
    return description


def _bounds(bounds: Any, shape: List[int], dtype: Any) -> List[Any]:
    flat = np.broadcast_to(np.asarray(bounds), shape).ravel()
    if dtype.kind == "f":
        return [_float(x) for x in flat.astype(np.float64).tolist()]
    values: List[Any] = flat.astype(np.int64 if dtype.kind == "b" else dtype).tolist()
    return values


def _float(x: float) -> Any:
    # JSON has no infinity: the server's descriptions write infinite bounds as strings.
    if math.isfinite(x):
        return x
    return "nan" if math.isnan(x) else ("inf" if x > 0 else "-inf")


class Codec:
    """Turns a space's values into byte buffers and back. ``size`` is the byte length of one value."""

    size: int

    def encode(self, value: Any, out: List[Any]) -> None:
        """Appends the value's bytes, as one or more buffers, to ``out``."""
        raise NotImplementedError

    def decode(self, data: memoryview) -> Any:
        """Reads a value from exactly ``size`` bytes."""
        raise NotImplementedError


class DiscreteCodec(Codec):
    """One int64; decoded as a Python int, which every Discrete env accepts."""

    size = 8

    def encode(self, value: Any, out: List[Any]) -> None:  # noqa: D102
        out.append(_INT64.pack(int(value)))

    def decode(self, data: memoryview) -> Any:  # noqa: D102
        return _INT64.unpack_from(data)[0]


class ArrayCodec(Codec):
    """An ndarray of fixed shape, sent in ``wire`` dtype and handed to the env in ``value`` dtype."""

    def __init__(self, shape: Any, wire: Any, value: Any) -> None:
        self.shape = tuple(int(d) for d in shape)
        self.wire = np.dtype(wire).newbyteorder("<")
        self.value = np.dtype(value)
        self.count = int(np.prod(self.shape, dtype=np.int64))
        self.size = self.count * self.wire.itemsize

    def encode(self, value: Any, out: List[Any]) -> None:  # noqa: D102
        array = np.ascontiguousarray(value, dtype=self.wire)
        if array.shape != self.shape:
            raise RequestError(ENV_ERROR, f"value of shape {array.shape} does not fit its space's {self.shape}")
        out.append(array)

    def decode(self, data: memoryview) -> Any:  # noqa: D102
        # astype copies, so the env gets a writable array it owns.
        return np.frombuffer(data, self.wire, self.count).reshape(self.shape).astype(self.value)


class TupleCodec(Codec):
    """Subspace values one after another; decoded as a tuple."""

    def __init__(self, codecs: List[Codec]) -> None:
        self.codecs = codecs
        self.size = sum(codec.size for codec in codecs)

    def encode(self, value: Any, out: List[Any]) -> None:  # noqa: D102
        if len(value) != len(self.codecs):
            raise RequestError(ENV_ERROR, f"tuple of {len(value)} values for a Tuple of {len(self.codecs)}")
        for codec, item in zip(self.codecs, value):
            codec.encode(item, out)

    def decode(self, data: memoryview) -> Any:  # noqa: D102
        items = []
        offset = 0
        for codec in self.codecs:
            items.append(codec.decode(data[offset : offset + codec.size]))
            offset += codec.size
        return tuple(items)


class DictCodec(Codec):
    """Subspace values in key order; decoded as a dict."""

    def __init__(self, keys: List[Any], codecs: List[Codec]) -> None:
        self.keys = keys
        self.codecs = codecs
        self.size = sum(codec.size for codec in codecs)

    def encode(self, value: Any, out: List[Any]) -> None:  # noqa: D102
        for key, codec in zip(self.keys, self.codecs):
            codec.encode(value[key], out)

    def decode(self, data: memoryview) -> Any:  # noqa: D102
        result = {}
        offset = 0
        for key, codec in zip(self.keys, self.codecs):
            result[key] = codec.decode(data[offset : offset + codec.size])
            offset += codec.size
        return result


def codec_for(space: Any) -> Codec:
    """The codec of a space's values."""
    return _FACTORIES[space_kind(space)](space)


_FACTORIES: Dict[str, Callable[[Any], Codec]] = {
    "Discrete": lambda space: DiscreteCodec(),
    "Box": lambda space: ArrayCodec(space.shape, space.dtype, space.dtype),
    "MultiDiscrete": lambda space: ArrayCodec(np.shape(space.nvec), np.int64, space.dtype),
    "MultiBinary": lambda space: ArrayCodec(np.atleast_1d(space.n), np.int8, space.dtype),
    "Tuple": lambda space: TupleCodec([codec_for(sub) for sub in space.spaces]),
    "Dict": lambda space: DictCodec(list(space.spaces.keys()), [codec_for(sub) for sub in space.spaces.values()]),
}

"""Records Gymnasium space samples and contains answers for spaces the shared conformance data does not cover.

Run with Gymnasium 1.4.0 (the release the native spaces follow) and numpy 1.24.2 (the shared data's), e.g. with
Debian 12's python3-numpy and a Gymnasium 1.4.0 source tree (its release commit) on PYTHONPATH:

    PYTHONPATH=/path/to/Gymnasium-1.4.0 /usr/bin/python3 record_space_samples.py > gymnasium_space_samples.jsonl

Each "space_sample" line: a space's description in GymServer's form (see Space.WriteDescription), a seed, and 30
values of space.sample() after space.seed(seed), written as space.to_jsonable writes them. Each "space_contains"
line: a space and values in that JSON form, each with space.contains(value) for the value as the space's own
type (what from_jsonable gives; a Discrete value stays a Python int, the path 1.4.0 checks against the dtype).
Values a dtype cannot hold are left out for arrays: numpy 1.24 wraps them (300 becomes 44 in uint8) where numpy 2
raises, so Gymnasium's answer there is numpy's accident, not the space's rule.
"""

from __future__ import annotations

import json
import math
from collections import OrderedDict

import numpy as np

import gymnasium
from gymnasium import spaces

SEEDS = [0, 1, 42, 2**40 + 7]
SAMPLES = 30


def bound(value, dtype) -> float | int | str:
    if isinstance(value, float) and math.isinf(value):
        return "inf" if value > 0 else "-inf"
    return int(value) if np.issubdtype(dtype, np.integer) or dtype == np.bool_ else float(value)


def describe(space: spaces.Space) -> dict:
    if isinstance(space, spaces.Discrete):
        description = {"type": "Discrete", "n": int(space.n), "start": int(space.start)}
        if space.dtype != np.int64:
            description["dtype"] = str(space.dtype)
        return description
    if isinstance(space, spaces.Box):
        def bounds(values, bounded, infinity):
            return [bound(float(v) if space.dtype.kind == "f" else int(v), space.dtype) if b else infinity
                    for v, b in zip(values.flatten().tolist(), bounded.flatten().tolist())]
        return {
            "type": "Box",
            "shape": list(space.shape),
            "dtype": str(space.dtype),
            "low": bounds(space.low, space.bounded_below, "-inf"),
            "high": bounds(space.high, space.bounded_above, "inf"),
        }
    if isinstance(space, spaces.MultiDiscrete):
        return {"type": "MultiDiscrete", "nvec": space.nvec.tolist(), "start": space.start.tolist(), "dtype": str(space.dtype)}
    if isinstance(space, spaces.MultiBinary):
        return {"type": "MultiBinary", "n": space.n if isinstance(space.n, int) else list(space.n)}
    if isinstance(space, spaces.Tuple):
        return {"type": "Tuple", "spaces": [describe(s) for s in space.spaces]}
    if isinstance(space, spaces.Dict):
        return {"type": "Dict", "spaces": {k: describe(s) for k, s in space.spaces.items()}}
    raise TypeError(space)


def jsonable(space: spaces.Space, value):
    if isinstance(space, spaces.Tuple):
        return [jsonable(s, v) for s, v in zip(space.spaces, value)]
    if isinstance(space, spaces.Dict):
        return {k: jsonable(s, value[k]) for k, s in space.spaces.items()}
    if isinstance(space, spaces.Discrete):
        return int(value)
    return np.asarray(value).tolist()


SPACES = {
    "box_half_bounded_float32": spaces.Box(
        low=np.array([0.0, -np.inf, -1.0, -np.inf, 2.5]), high=np.array([np.inf, 3.0, 1.0, np.inf, np.inf]), dtype=np.float32),
    "box_mixed_float64_2x3": spaces.Box(
        low=np.array([[-np.inf, 0.0, -2.0], [-1e3, -np.inf, 5.0]]), high=np.array([[np.inf, np.inf, 2.0], [1e3, 0.5, 5.0]]), dtype=np.float64),
    "box_uint8_image": spaces.Box(low=0, high=255, shape=(3, 4, 2), dtype=np.uint8),
    # An int64 Box takes +inf only as a scalar: in a float array Gymnasium's dtype maximum rounds to 2**63 and wraps.
    "box_int64_mixed": spaces.Box(low=np.array([-5.0, -np.inf, 0.0, -np.inf]), high=np.array([10.0, 7.0, 20.0, 30.0]), dtype=np.int64),
    "box_int64_unbounded": spaces.Box(low=-np.inf, high=np.inf, shape=(3,), dtype=np.int64),
    "box_int8_unbounded": spaces.Box(low=-np.inf, high=np.inf, shape=(6,), dtype=np.int8),
    "box_int32_low_bounded": spaces.Box(low=np.array([-3.0, 100.0]), high=np.array([np.inf, np.inf]), dtype=np.int32),
    "box_int16_bounded": spaces.Box(low=-300, high=300, shape=(5,), dtype=np.int16),
    "box_uint32_bounded": spaces.Box(low=0, high=4000000000, shape=(3,), dtype=np.uint32),
    "box_bool": spaces.Box(low=0, high=1, shape=(5,), dtype=np.bool_),
    "box_float32_scalar_wide": spaces.Box(low=-1e30, high=1e30, shape=(2,), dtype=np.float32),
    # Bounds at the dtype's limits: signed samples stay two away from them (Gymnasium 1.4.0 as 1.2.2; a change after
    # 1.4.0 keeps that margin for int64 only), unsigned ones reach them.
    "box_int8_full_range": spaces.Box(low=-128, high=127, shape=(16,), dtype=np.int8),
    "box_int16_at_limits": spaces.Box(low=np.array([-32768, 32760]), high=np.array([-32760, 32767]), dtype=np.int16),
    "box_int32_at_limits": spaces.Box(
        low=np.array([-2**31, 2**31 - 8]), high=np.array([-2**31 + 8, 2**31 - 1]), dtype=np.int32),
    "box_uint16_at_limit": spaces.Box(low=65530, high=65535, shape=(3,), dtype=np.uint16),
    "discrete_start": spaces.Discrete(7, start=-3),
    "discrete_int8": spaces.Discrete(100, dtype=np.int8),
    "discrete_uint8": spaces.Discrete(200, dtype=np.uint8),
    "discrete_int16": spaces.Discrete(1000, start=5, dtype=np.int16),
    "multi_discrete": spaces.MultiDiscrete([3, 5, 2, 1]),
    "multi_discrete_2d_start": spaces.MultiDiscrete(np.array([[2, 3], [4, 500]]), start=np.array([[-1, 0], [5, 6]])),
    "multi_discrete_int8": spaces.MultiDiscrete([3, 4, 100], dtype=np.int8),
    "multi_binary": spaces.MultiBinary(7),
    "multi_binary_long": spaces.MultiBinary(37),
    "multi_binary_shape": spaces.MultiBinary([2, 3]),
    "dict_sorted": spaces.Dict({"velocity": spaces.Box(-1.0, 1.0, (2,)), "b": spaces.Discrete(3), "a": spaces.MultiBinary(4)}),
    "dict_ordered": spaces.Dict(OrderedDict([("z", spaces.Discrete(5)), ("m", spaces.Box(-np.inf, np.inf, (1,))), ("a", spaces.Discrete(2))])),
    "tuple_nested": spaces.Tuple((
        spaces.Discrete(4),
        spaces.Dict({"y": spaces.MultiDiscrete([2, 9]), "x": spaces.Box(0.0, np.inf, (2,))}),
        spaces.Tuple((spaces.MultiBinary(3), spaces.Discrete(2, start=1))),
    )),
}


INF, NEG_INF, NAN = "inf", "-inf", "nan"

# Values in each space's JSON form (non-finite floats as strings, as GymServer writes them), in and out of it. No
# flat list for a space of several dimensions: GymServer reads one as an action on purpose (the C++ client sends
# them), where Gymnasium's contains says False for the shape.
CONTAINS = {
    "discrete_start": [-4, -3, 0, 3, 4, 2**63 - 1, -(2**63)],
    "discrete_int8": [-1, 0, 99, 100, 127, 128, 300, -129],
    "discrete_uint8": [-1, 0, 199, 200, 255, 256],
    "discrete_int16": [4, 5, 1004, 1005, 32767, 32768],
    "box_half_bounded_float32": [
        [0.0, 3.0, -1.0, 0.0, 2.5], [1e30, -1e30, 1.0, -1e30, 1e30], [-1e-45, 0.0, 0.0, 0.0, 2.5],
        [0.0, 3.0000002384185791, 0.0, 0.0, 2.5], [0.0, 0.0, 0.0, INF, 2.5], [0.0, 0.0, 0.0, NAN, 2.5],
        [INF, NEG_INF, 1.0, NEG_INF, INF], [0.0, 0.0, 0.0, 0.0], [[0.0, 0.0, 0.0, 0.0, 2.5]]],
    "box_mixed_float64_2x3": [
        [[0.0, 0.0, 2.0], [1e3, 0.5, 5.0]], [[-1e308, 1e308, -2.0], [-1e3, -1e308, 5.0]],
        [[0.0, -5e-324, 0.0], [0.0, 0.0, 5.0]], [[0.0, 0.0, 0.0], [0.0, 0.0, 5.000000000000001]],
        [[0.0, 0.0, 0.0], [0.0, 0.0, 5.0], [0.0, 0.0, 5.0]]],
    "box_uint8_image": [[[[0, 255]] * 4] * 3, [[[0, 0]] * 4] * 2],
    "box_int64_mixed": [[-5, -(2**63), 0, 30], [-6, 0, 0, 0], [10, 7, 20, 30], [10, 8, 20, 30], [0, 0, 21, 0]],
    "box_int8_unbounded": [[-128, 127, 0, 0, 0, 0], [0, 0, 0, 0, 0]],
    "box_int32_low_bounded": [[-3, 100], [-4, 100], [2**31 - 1, 2**31 - 1], [-3, 99]],
    "box_int16_bounded": [[-300, 300, 0, 0, 0], [-301, 0, 0, 0, 0], [0, 0, 0, 0, 301]],
    "box_uint32_bounded": [[0, 4000000000, 0], [0, 4000000001, 0], [0, 4294967295, 0]],
    "box_bool": [[0, 1, 0, 1, 1], [True, False, True, False, True], [0, 1, 0, 1]],
    "box_float32_scalar_wide": [[1e30, -1e30], [1.0000000150474662e30, 0.0], [INF, 0.0]],
    "multi_discrete": [[0, 0, 0, 0], [2, 4, 1, 0], [3, 0, 0, 0], [0, 0, 0, 1], [-1, 0, 0, 0], [0, 0, 0]],
    "multi_discrete_2d_start": [[[-1, 0], [5, 6]], [[0, 2], [8, 505]], [[0, 2], [8, 506]], [[-2, 0], [5, 6]],
                                [[-1, 0, 0], [5, 6, 6]]],
    "multi_discrete_int8": [[0, 0, 0], [2, 3, 99], [2, 3, 100], [0, 0, 127], [-1, 0, 0]],
    "multi_binary": [[0, 1, 0, 1, 0, 1, 1], [0, 1, 0, 1, 0, 1, 2], [0, 1, 0, 1, 0, -1, 0], [0, 1]],
    "multi_binary_shape": [[[0, 1, 1], [1, 0, 0]], [[0, 1, 1], [1, 0, 2]], [[0, 1], [1, 0]]],
    "dict_sorted": [{"a": [0, 1, 1, 0], "b": 2, "velocity": [1.0, -1.0]},
                    {"a": [0, 1, 1, 0], "b": 3, "velocity": [1.0, -1.0]},
                    {"a": [0, 1, 1, 0], "b": 0, "velocity": [1.0000001192092896, 0.0]},
                    {"a": [0, 1, 1, 0], "b": 0}],
    "tuple_nested": [[3, {"x": [0.0, 1e30], "y": [1, 8]}, [[1, 0, 1], 2]],
                     [3, {"x": [0.0, 1e30], "y": [1, 9]}, [[1, 0, 1], 2]],
                     [3, {"x": [-1e-45, 0.0], "y": [1, 8]}, [[1, 0, 1], 2]],
                     [3, {"x": [0.0, 0.0], "y": [1, 8]}, [[1, 0, 1], 0]],
                     [3, {"x": [0.0, 0.0], "y": [1, 8]}]],
}


def native(space: spaces.Space, value):
    """A JSON value as the space's own type, as from_jsonable makes it; a Discrete value stays a Python int."""
    if isinstance(space, spaces.Tuple):
        return tuple(native(s, v) for s, v in zip(space.spaces, value)) if isinstance(value, list) else value
    if isinstance(space, spaces.Dict):
        return {k: native(space.spaces[k], v) if k in space.spaces else v for k, v in value.items()}
    if isinstance(space, spaces.Discrete):
        return value
    return np.asarray(floats(value), dtype=space.dtype)


def floats(value):
    """The strings "inf", "-inf", "nan" of a JSON value as the floats they stand for."""
    if isinstance(value, list):
        return [floats(v) for v in value]
    return float(value) if value in (INF, NEG_INF, NAN) else value


def main() -> None:
    versions = {"gymnasium_version": gymnasium.__version__, "numpy_version": np.__version__}
    for name, space in SPACES.items():
        for seed in SEEDS:
            space.seed(seed)
            samples = [jsonable(space, space.sample()) for _ in range(SAMPLES)]
            record = {"kind": "space_sample", "name": name, "space": describe(space), "seed": seed, "samples": samples}
            print(json.dumps(record | versions, separators=(",", ":")))
    for name, values in CONTAINS.items():
        space = SPACES[name]
        cases = [{"value": value, "contains": bool(space.contains(native(space, value)))} for value in values]
        record = {"kind": "space_contains", "name": name, "space": describe(space), "cases": cases}
        print(json.dumps(record | versions, separators=(",", ":")))


if __name__ == "__main__":
    main()

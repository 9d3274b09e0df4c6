"""Records Gymnasium space samples for spaces the shared conformance data does not cover.

Run with Gymnasium 1.2.2 and numpy 1.24.2 (the versions of ../shared/conformance), e.g. with Debian 12's
python3-numpy and a Gymnasium 1.2.2 source tree on PYTHONPATH:

    PYTHONPATH=/path/to/Gymnasium-1.2.2 python3 record_space_samples.py > gymnasium_space_samples.jsonl

Each line: a space's description in GymServer's form (see Space.WriteDescription), a seed, and 30 values of
space.sample() after space.seed(seed), written as space.to_jsonable writes them.
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


def main() -> None:
    for name, space in SPACES.items():
        for seed in SEEDS:
            space.seed(seed)
            samples = [jsonable(space, space.sample()) for _ in range(SAMPLES)]
            record = {"kind": "space_sample", "name": name, "space": describe(space), "seed": seed, "samples": samples,
                      "gymnasium_version": gymnasium.__version__, "numpy_version": np.__version__}
            print(json.dumps(record, separators=(",", ":")))


if __name__ == "__main__":
    main()

"""Descriptions as gymnasium spaces; values through JSON and the binary layout (no server)."""

import math

import numpy as np
from gymnasium import spaces

from gymserver_client.spaces import from_bytes, from_jsonable, raw_size, space_from_description, to_bytes, to_jsonable


def test_box_keeps_shape_dtype_and_infinite_bounds():
    box = space_from_description({"type": "Box", "shape": [2, 2], "dtype": "float64",
                                  "low": [-1, "-inf", 0, 0], "high": [1, "inf", 2, 2]})
    assert isinstance(box, spaces.Box) and box.shape == (2, 2) and box.dtype == np.float64
    assert math.isinf(box.high[0][1]) and raw_size(box) == 32
    value = np.array([[0.5, math.inf], [1, 2]])
    assert to_jsonable(box, value) == [[0.5, "inf"], [1.0, 2.0]]
    np.testing.assert_array_equal(from_jsonable(box, [[0.5, "inf"], [1, 2]]), value)
    np.testing.assert_array_equal(from_bytes(box, memoryview(to_bytes(box, value))), value)


def test_scalar_float32_box():
    box = space_from_description({"type": "Box", "shape": [], "dtype": "float32", "low": [-2], "high": [2]})
    assert to_jsonable(box, np.float32(0.5)) == 0.5
    assert from_jsonable(box, 0.5).shape == ()


def test_multi_discrete_and_multi_binary_keep_their_shape():
    grid = space_from_description({"type": "MultiDiscrete", "nvec": [[2, 3], [4, 5]], "start": [[0, 0], [0, 1]],
                                   "dtype": "int64"})
    assert grid.shape == (2, 2) and raw_size(grid) == 32
    value = np.array([[1, 2], [3, 5]])
    assert grid.contains(value) and to_jsonable(grid, value) == [[1, 2], [3, 5]]
    np.testing.assert_array_equal(from_bytes(grid, memoryview(to_bytes(grid, value))), value)
    flags = space_from_description({"type": "MultiBinary", "n": [2, 3]})
    assert flags.shape == (2, 3) and raw_size(flags) == 6
    np.testing.assert_array_equal(from_jsonable(flags, [[1, 0, 1], [0, 0, 1]]).reshape(-1), [1, 0, 1, 0, 0, 1])


def test_tuple_and_dict_nest_in_the_servers_key_order():
    space = space_from_description({"type": "Dict", "spaces": {
        "b": {"type": "Discrete", "n": 3, "start": -1},
        "c": {"type": "Tuple", "spaces": [{"type": "Discrete", "n": 2, "start": 0}, {"type": "MultiBinary", "n": 2}]}}})
    assert list(space.spaces) == ["b", "c"] and raw_size(space) == 8 + 8 + 2
    value = {"b": -1, "c": (1, np.array([0, 1], dtype=np.int8))}
    assert to_jsonable(space, value) == {"b": -1, "c": [1, [0, 1]]}
    back = from_bytes(space, memoryview(to_bytes(space, value)))
    assert back["b"] == -1 and back["c"][0] == 1
    np.testing.assert_array_equal(back["c"][1], [0, 1])
    assert space.contains(from_jsonable(space, {"b": 1, "c": [0, [1, 1]]}))

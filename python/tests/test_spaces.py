import inspect

import numpy as np
import pytest
from gymserver_testenvs.compat import spaces

from gymserver_worker.commands import RequestError
from gymserver_worker.spaces import codec_for, describe


def _bytes(codec, value):
    out = []
    codec.encode(value, out)
    return b"".join(bytes(memoryview(part).cast("B")) for part in out)


def _takes(space_class, argument):
    return argument in inspect.signature(space_class).parameters


def _needs_start(space_class):
    reason = f"this gym's {space_class.__name__} has no start"
    return pytest.mark.skipif(not _takes(space_class, "start"), reason=reason)


def test_discrete_description_and_layout():
    space = spaces.Discrete(3)
    assert describe(space) == {"type": "Discrete", "n": 3, "start": 0}
    codec = codec_for(space)
    assert codec.size == 8
    assert _bytes(codec, np.int64(2)) == (2).to_bytes(8, "little")
    assert codec.decode(memoryview((7).to_bytes(8, "little"))) == 7


@_needs_start(spaces.Discrete)
def test_discrete_start_is_described_and_values_keep_their_sign():
    space = spaces.Discrete(3, start=-1)
    assert describe(space) == {"type": "Discrete", "n": 3, "start": -1}
    assert _bytes(codec_for(space), np.int64(-1)) == (-1).to_bytes(8, "little", signed=True)


def test_box_description_writes_infinite_bounds_as_strings():
    space = spaces.Box(np.array([-np.inf, 0.0], np.float32), np.array([1.5, np.inf], np.float32))
    assert describe(space) == {"type": "Box", "shape": [2], "dtype": "float32", "low": ["-inf", 0.0],
                               "high": [1.5, "inf"]}


def test_integer_box_bounds_are_integers():
    description = describe(spaces.Box(0, 255, (2, 2), np.uint8))
    assert description["low"] == [0, 0, 0, 0] and description["high"] == [255] * 4
    assert all(isinstance(x, int) for x in description["high"])


def test_box_values_are_row_major_in_their_dtype():
    space = spaces.Box(0, 255, (2, 3), np.uint8)
    value = np.arange(6, dtype=np.uint8).reshape(2, 3)
    codec = codec_for(space)
    raw = _bytes(codec, value)
    assert raw == bytes(range(6)) and codec.size == 6
    decoded = codec.decode(memoryview(raw))
    assert decoded.dtype == np.uint8 and decoded.shape == (2, 3) and decoded.flags.writeable
    np.testing.assert_array_equal(decoded, value)


def test_box_value_of_wrong_shape_is_refused():
    with pytest.raises(RequestError, match="does not fit"):
        _bytes(codec_for(spaces.Box(0, 1, (3,))), [0.5, 0.5])


@pytest.mark.skipif(not _takes(spaces.MultiDiscrete, "dtype"), reason="this gym's MultiDiscrete is always int64")
def test_multidiscrete_travels_as_int64_and_returns_in_its_dtype():
    space = spaces.MultiDiscrete([[2, 3], [4, 5]], dtype=np.int32)
    assert describe(space) == {"type": "MultiDiscrete", "nvec": [[2, 3], [4, 5]], "start": [[0, 0], [0, 0]],
                               "dtype": "int32"}
    codec = codec_for(space)
    assert codec.size == 32
    raw = _bytes(codec, np.array([[1, 2], [3, 4]], np.int32))
    assert np.frombuffer(raw, "<i8").tolist() == [1, 2, 3, 4]
    assert codec.decode(memoryview(raw)).dtype == np.int32


@_needs_start(spaces.MultiDiscrete)
def test_multidiscrete_start_is_described():
    space = spaces.MultiDiscrete([[2, 3], [4, 5]], start=[[0, 1], [0, -2]])
    assert describe(space)["start"] == [[0, 1], [0, -2]]


def test_multibinary_travels_as_int8():
    space = spaces.MultiBinary([2, 2])
    assert describe(space) == {"type": "MultiBinary", "n": [2, 2]}
    assert describe(spaces.MultiBinary(3)) == {"type": "MultiBinary", "n": 3}
    assert _bytes(codec_for(space), [[1, 0], [0, 1]]) == b"\x01\x00\x00\x01"


def test_tuple_and_dict_concatenate_in_order():
    space = spaces.Dict({"b": spaces.Discrete(2), "a": spaces.Tuple((spaces.Discrete(3), spaces.MultiBinary(2)))})
    description = describe(space)
    assert list(description["spaces"]) == ["a", "b"]
    assert description["spaces"]["a"]["type"] == "Tuple"
    codec = codec_for(space)
    assert codec.size == 8 + 2 + 8
    raw = _bytes(codec, {"a": (2, [1, 1]), "b": 1})
    assert raw == (2).to_bytes(8, "little") + b"\x01\x01" + (1).to_bytes(8, "little")
    decoded = codec.decode(memoryview(raw))
    assert decoded["b"] == 1 and decoded["a"][0] == 2 and decoded["a"][1].tolist() == [1, 1]


def test_sampled_values_encode_to_the_codec_size():
    space = spaces.Dict({"x": spaces.Box(-1, 1, (3,)), "y": spaces.MultiDiscrete([3, 3]),
                         "z": spaces.Tuple((spaces.Discrete(4), spaces.MultiBinary(5)))})
    space.seed(1)
    codec = codec_for(space)
    assert len(_bytes(codec, space.sample())) == codec.size == 12 + 16 + 8 + 5


@pytest.mark.skipif(not hasattr(spaces, "Text"), reason="this gym has no Text space")
def test_unsupported_space_is_refused_by_name():
    with pytest.raises(RequestError) as caught:
        describe(spaces.Text(5))
    assert caught.value.code == "unsupported_space" and "Text" in str(caught.value)

import json

import numpy as np

from gymserver_worker.jsonsafe import dumps


def test_empty_info_is_no_meta_at_all():
    assert dumps({}) == b""


def test_numpy_values_become_plain_json():
    text = dumps({"a": np.arange(3), "b": np.float32(0.5), "c": np.int64(7), "d": np.bool_(True)})
    assert json.loads(text) == {"a": [0, 1, 2], "b": 0.5, "c": 7, "d": True}
    assert b" " not in text


def test_non_finite_floats_become_strings():
    info = {"nan": float("nan"), "inf": np.float32("inf"), "array": np.array([1.0, -np.inf])}
    assert json.loads(dumps(info)) == {"nan": "nan", "inf": "inf", "array": [1.0, "-inf"]}


def test_keys_json_cannot_take_and_odd_objects_are_made_readable():
    class Thing:
        def __repr__(self):
            return "<thing>"

    decoded = json.loads(dumps({(1, 2): Thing(), 3: {np.int64(4): b"ab"}, "set": {5}}))
    assert decoded == {"(1, 2)": "<thing>", "3": {"4": "ab"}, "set": [5]}

"""Shared-memory slots: observations and frames written into files the server created, replies without them."""

import mmap
import os
import struct

import numpy as np
import pytest

from gymserver_worker import commands as cmd
from gymserver_worker.worker import STEP_RESULT
from test_worker import Harness, _action

IMAGE = "GymServerTest/Image-v0"
OBSERVATION_BYTES = 84 * 84 * 3
FRAME_BYTES = 42 * 42 * 3


@pytest.fixture
def harness():
    harness = Harness()
    yield harness
    harness.worker.close_all()


@pytest.fixture
def slot_file(tmp_path):
    """Makes files as the server does (of a given size); the test reads them back through its own mapping."""

    def make(size, name="slot"):
        path = tmp_path / name
        with open(path, "wb") as file:
            file.truncate(size)
        return str(path)

    return make


def _read(path, size):
    with open(path, "rb") as file:
        return file.read(size)


def test_observations_go_to_the_slot_and_replies_carry_none(harness, slot_file):
    harness.ok(cmd.MAKE, 1, {"id": IMAGE})
    _, piped = harness.ok(cmd.RESET, 1, {"seed": 3})
    assert len(piped) == OBSERVATION_BYTES
    path = slot_file(OBSERVATION_BYTES)
    harness.ok(cmd.ATTACH, 1, {"path": path, "bytes": OBSERVATION_BYTES, "use": "observation"})
    # The server unlinks the file once attached: the worker's mapping keeps the memory.
    os.rename(path, path + ".seen")
    path += ".seen"

    info, data = harness.ok(cmd.RESET, 1, {"seed": 3})
    assert data == b"" and info.get("lives", 3) == 3  # gym 0.21 resets give no info
    assert _read(path, OBSERVATION_BYTES) == piped

    _, data = harness.ok(cmd.STEP, 1, payload=_action(2))
    reward, flags = STEP_RESULT.unpack(data)
    assert len(data) == STEP_RESULT.size and reward == 1.0 and flags == 0
    image = np.frombuffer(_read(path, OBSERVATION_BYTES), np.uint8).reshape(84, 84, 3)
    assert image.tobytes() != piped  # the step painted a quadrant
    assert np.array_equal(image, harness.worker.envs[1].env.unwrapped.image)


def test_a_frame_slot_takes_frames_of_its_size(harness, slot_file):
    harness.ok(cmd.MAKE, 1, {"id": IMAGE, "render_mode": "rgb_array"})
    harness.ok(cmd.RESET, 1, {"seed": 1})
    body, piped = harness.ok(cmd.RENDER, 1)
    assert body == {"kind": "array", "dtype": "uint8", "shape": [42, 42, 3]} and len(piped) == FRAME_BYTES
    path = slot_file(FRAME_BYTES)
    harness.ok(cmd.ATTACH, 1, {"path": path, "bytes": FRAME_BYTES, "use": "frame"})
    body, data = harness.ok(cmd.RENDER, 1)
    assert body == {"kind": "array", "dtype": "uint8", "shape": [42, 42, 3], "shared": True} and data == b""
    assert _read(path, FRAME_BYTES) == piped


def test_a_frame_of_another_size_goes_on_the_pipe(harness, slot_file):
    harness.ok(cmd.MAKE, 1, {"id": IMAGE, "render_mode": "rgb_array"})
    harness.ok(cmd.RESET, 1, {"seed": 1})
    harness.ok(cmd.ATTACH, 1, {"path": slot_file(FRAME_BYTES * 2), "bytes": FRAME_BYTES * 2, "use": "frame"})
    body, data = harness.ok(cmd.RENDER, 1)
    assert "shared" not in body and len(data) == FRAME_BYTES


def test_close_unmaps_the_slots(harness, slot_file):
    harness.ok(cmd.MAKE, 1, {"id": IMAGE})
    harness.ok(cmd.ATTACH, 1, {"path": slot_file(OBSERVATION_BYTES), "bytes": OBSERVATION_BYTES, "use": "observation"})
    slot = harness.worker.envs[1].observation_slot
    harness.ok(cmd.CLOSE, 1)
    with pytest.raises(ValueError):  # a closed mmap
        slot.write([b"x"])


@pytest.mark.parametrize(
    ("meta", "message"),
    [
        ({"bytes": OBSERVATION_BYTES, "use": "observation"}, "needs the path"),
        ({"path": "/nonexistent/gymserver-slot", "bytes": OBSERVATION_BYTES, "use": "observation"}, "cannot open"),
        ({"path": "SLOT", "bytes": 0, "use": "observation"}, "positive size"),
        ({"path": "SLOT", "bytes": True, "use": "observation"}, "positive size"),
        ({"path": "SLOT", "bytes": OBSERVATION_BYTES, "use": "audio"}, "use must be one of"),
        ({"path": "SLOT", "bytes": OBSERVATION_BYTES - 1, "use": "observation"}, "must have the observation's"),
        ({"path": "SMALL", "bytes": OBSERVATION_BYTES, "use": "observation"}, "has 16 bytes"),
    ],
)
def test_bad_attach_requests_are_refused(harness, slot_file, meta, message):
    harness.ok(cmd.MAKE, 1, {"id": IMAGE})
    files = {"SLOT": slot_file(OBSERVATION_BYTES), "SMALL": slot_file(16, "small")}
    if meta.get("path") in files:
        meta = {**meta, "path": files[meta["path"]]}
    error = harness.error(cmd.ATTACH, 1, meta)
    assert error["code"] == cmd.INVALID_ARGUMENT and message in error["message"]
    # The env still replies through the pipe.
    _, data = harness.ok(cmd.RESET, 1, {"seed": 0})
    assert len(data) == OBSERVATION_BYTES


def test_a_second_slot_of_the_same_use_is_refused(harness, slot_file):
    harness.ok(cmd.MAKE, 1, {"id": IMAGE})
    meta = {"path": slot_file(OBSERVATION_BYTES), "bytes": OBSERVATION_BYTES, "use": "observation"}
    harness.ok(cmd.ATTACH, 1, meta)
    assert "already has a observation slot" in harness.error(cmd.ATTACH, 1, meta)["message"]
    assert harness.error(cmd.ATTACH, 9, meta)["code"] == cmd.INVALID_ARGUMENT  # no env 9


def test_a_worker_process_writes_into_a_slot_that_outlives_its_file(worker_process, slot_file):
    assert worker_process.request(cmd.MAKE, 1, {"id": IMAGE}).kind == cmd.OK
    piped = bytes(worker_process.request(cmd.RESET, 1, {"seed": 5}).payload)
    path = slot_file(OBSERVATION_BYTES)
    with open(path, "r+b") as file:
        mine = mmap.mmap(file.fileno(), OBSERVATION_BYTES)
    meta = {"path": path, "bytes": OBSERVATION_BYTES, "use": "observation"}
    assert worker_process.request(cmd.ATTACH, 1, meta).kind == cmd.OK
    os.unlink(path)  # as the server does: the two mappings keep the memory
    reply = worker_process.request(cmd.RESET, 1, {"seed": 5})
    assert reply.kind == cmd.OK and len(reply.payload) == 0
    assert mine[:] == piped
    reply = worker_process.request(cmd.STEP, 1, payload=struct.pack("<q", 1))
    assert reply.kind == cmd.OK and len(reply.payload) == STEP_RESULT.size
    assert mine[:] != piped
    mine.close()
    assert worker_process.close()[0] == 0

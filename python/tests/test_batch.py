"""The batch command: several envs' resets and steps in one request, answered entry by entry in one reply."""

import json
import struct

import numpy as np
import pytest

from gymserver_worker import batch
from gymserver_worker import commands as cmd
from gymserver_worker.batch import Entry
from gymserver_worker.worker import STEP_RESULT
from test_worker import Harness, _action

IMAGE = "GymServerTest/Image-v0"
OBSERVATION_BYTES = 84 * 84 * 3


@pytest.fixture
def harness():
    harness = Harness()
    yield harness
    harness.worker.close_all()


def _reset(handle, seed=None):
    meta = json.dumps({"seed": seed}).encode() if seed is not None else b""
    return Entry(handle, batch.RESET, meta, memoryview(b""))


def _step(handle, action):
    return Entry(handle, batch.STEP, b"", memoryview(_action(action)))


def _entries(data, steps, observation_bytes):
    """Splits a batch reply: per entry (status, JSON object, reward and flags or None, observation bytes)."""
    at, entries = 0, []
    for is_step in steps:
        status, length = batch.ENTRY_REPLY.unpack_from(data, at)
        at += batch.ENTRY_REPLY.size
        body = json.loads(data[at : at + length]) if length else {}
        at += length
        result = observation = None
        if status == cmd.OK:
            if is_step:
                result = STEP_RESULT.unpack_from(data, at)
                at += STEP_RESULT.size
            observation = data[at : at + observation_bytes]
            at += observation_bytes
        entries.append((status, body, result, observation))
    assert at == len(data)
    return entries


def test_a_batch_gives_what_the_envs_give_one_by_one(harness):
    # Envs 1 and 2 go through batches, envs 3 and 4 (same seeds) through single resets and steps.
    for handle in (1, 2, 3, 4):
        harness.ok(cmd.MAKE, handle, {"id": IMAGE})
    _, data = harness.ok(cmd.BATCH, payload=batch.request([_reset(1, 7), _reset(2, 8)]))
    batched = _entries(data, [False, False], OBSERVATION_BYTES)
    single = [harness.ok(cmd.RESET, 3, {"seed": 7}), harness.ok(cmd.RESET, 4, {"seed": 8})]
    for (status, info, _, observation), (expected_info, expected) in zip(batched, single):
        assert status == cmd.OK and info == expected_info and observation == expected
    for actions in ([0, 3], [1, 2], [2, 2]):
        _, data = harness.ok(cmd.BATCH, payload=batch.request([_step(1, actions[0]), _step(2, actions[1])]))
        batched = _entries(data, [True, True], OBSERVATION_BYTES)
        for (status, info, result, observation), handle, action in zip(batched, (3, 4), actions):
            expected_info, expected = harness.ok(cmd.STEP, handle, payload=_action(action))
            assert status == cmd.OK and info == expected_info
            assert result == STEP_RESULT.unpack_from(expected) and observation == expected[STEP_RESULT.size :]


def test_a_failing_entry_gets_its_error_and_the_others_still_run(harness):
    harness.ok(cmd.MAKE, 1, {"id": "GymServerTest/Countdown-v0"})
    harness.ok(cmd.MAKE, 2, {"id": "GymServerTest/Countdown-v0"})
    harness.ok(cmd.RESET, 1)
    request = batch.request([_step(1, 0), _step(2, 0), _step(9, 0), Entry(1, batch.STEP, b"", memoryview(b"\0")),
                             _step(1, 0)])
    _, data = harness.ok(cmd.BATCH, payload=request)
    entries = _entries(data, [True] * 5, 8)
    assert [entry[0] for entry in entries] == [cmd.OK, cmd.ERROR, cmd.ERROR, cmd.ERROR, cmd.OK]
    assert entries[1][1]["code"] == cmd.RESET_NEEDED
    assert entries[2][1]["code"] == cmd.INVALID_ARGUMENT and "no env with handle 9" in entries[2][1]["message"]
    assert entries[3][1]["code"] == cmd.INVALID_ARGUMENT and "action has 1 bytes" in entries[3][1]["message"]
    # Env 1 counted down from 3 twice, each step in order.
    assert [struct.unpack("<q", entry[3])[0] for entry in (entries[0], entries[4])] == [2, 1]
    assert entries[4][2] == (1.0, 0)


def test_observations_of_envs_with_a_slot_go_to_the_slot(harness, tmp_path):
    harness.ok(cmd.MAKE, 1, {"id": IMAGE})
    harness.ok(cmd.MAKE, 2, {"id": "GymServerTest/Countdown-v0"})
    path = tmp_path / "slot"
    with open(path, "wb") as file:
        file.truncate(OBSERVATION_BYTES)
    harness.ok(cmd.ATTACH, 1, {"path": str(path), "bytes": OBSERVATION_BYTES, "use": "observation"})
    _, data = harness.ok(cmd.BATCH, payload=batch.request([_reset(1, 3), _reset(2)]))
    # The image env's entry carries no observation: only the countdown's 8 bytes follow the two entry heads.
    head = batch.ENTRY_REPLY.size
    assert batch.ENTRY_REPLY.unpack_from(data, 0) == (cmd.OK, len(b'{"lives":3}'))
    assert data[head + len(b'{"lives":3}') :] == batch.ENTRY_REPLY.pack(cmd.OK, 0) + struct.pack("<q", 3)
    image = np.frombuffer(path.read_bytes(), np.uint8).reshape(84, 84, 3)
    assert np.array_equal(image, harness.worker.envs[1].env.unwrapped.image)


@pytest.mark.parametrize("payload, message", [
    (b"", "no entry count"),
    (struct.pack("<I", 2) + batch.request([_step(1, 0)])[4:], "entry 1 of 2 is cut short"),
    (batch.request([_step(1, 0)]) + b"x", "1 bytes left over"),
    (batch.request([Entry(1, 7, b"", memoryview(b""))]), "unknown op 7"),
])
def test_a_malformed_batch_is_refused_whole(harness, payload, message):
    harness.ok(cmd.MAKE, 1, {"id": "GymServerTest/Countdown-v0"})
    harness.ok(cmd.RESET, 1)
    body = harness.error(cmd.BATCH, payload=payload)
    assert body["code"] == cmd.PROTOCOL_ERROR and message in body["message"]
    # Nothing ran: the env's next step is its first.
    _, data = harness.ok(cmd.STEP, 1, payload=_action(0))
    assert struct.unpack_from("<q", data, STEP_RESULT.size) == (2,)


def test_a_worker_process_answers_a_batch(worker_process):
    worker_process.request(cmd.MAKE, 1, {"id": "GymServerTest/Countdown-v0"})
    worker_process.request(cmd.MAKE, 2, {"id": "GymServerTest/Countdown-v0"})
    reply = worker_process.request(cmd.BATCH, 0, payload=batch.request([_reset(1), _reset(2)]))
    assert reply.kind == cmd.OK
    reply = worker_process.request(cmd.BATCH, 0, payload=batch.request([_step(1, 0), _step(2, 1)]))
    entries = _entries(bytes(reply.payload), [True, True], 8)
    assert [struct.unpack("<q", entry[3])[0] for entry in entries] == [2, 3]

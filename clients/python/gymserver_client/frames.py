"""The binary frames of protocol 2 (docs/protocol.md, "Binary encoding"): payloads written and read."""

from __future__ import annotations

import json
import struct
from typing import Any, Optional

from gymserver_client.errors import BAD_REPLY, INVALID_ARGUMENT, GymServerError

STEP_VEC_REQUEST = 0x01
MAKE_REQUEST = 0x02
RESET_REQUEST = 0x03
STEP_REQUEST = 0x04
SAMPLE_REQUEST = 0x05
MAKE_VEC_REQUEST = 0x06
RESET_VEC_REQUEST = 0x07
ERROR_REPLY = 0x7F
REPLY = 0x80  # a reply's type is its request's with this bit set

FRAME_NAMES = {STEP_VEC_REQUEST: "step_vec", MAKE_REQUEST: "make", RESET_REQUEST: "reset", STEP_REQUEST: "step",
               SAMPLE_REQUEST: "sample", MAKE_VEC_REQUEST: "make_vec", RESET_VEC_REQUEST: "reset_vec"}

_U32 = struct.Struct("<I")
_STEP_TAIL = struct.Struct("<dBBI")  # reward, terminated, truncated, info length


def reply_type(request_type: int) -> int:
    """The type of the frame that answers a request of ``request_type``."""
    return request_type | REPLY


def with_instance(instance: bytes, rest: bytes = b"") -> bytes:
    """A payload that starts with the instance id: u8 length, then its ASCII bytes."""
    return bytes((len(instance),)) + instance + rest


def reset_payload(instance: bytes, seed: Optional[int], options: Optional[dict], command: str = "reset") -> bytes:
    """reset / reset_vec: the id, u8 S and the seed in S little-endian bytes (S = 0: none), the options' JSON.

    A seed a frame cannot carry raises the server's error for it in JSON (invalid_argument), without a request."""
    if seed is None:
        seed_bytes = b""
    else:
        if seed < 0 or seed.bit_length() > 255 * 8:
            raise GymServerError(INVALID_ARGUMENT, f"{command}.seed must be a non-negative integer of at most 255 "
                                                   f"bytes or null, got {seed}")
        seed_bytes = seed.to_bytes(max(1, (seed.bit_length() + 7) // 8), "little")
    body = json.dumps(options, separators=(",", ":"), allow_nan=False).encode() if options is not None else b""
    return with_instance(instance, bytes((len(seed_bytes),)) + seed_bytes + body)


def _sized(body: memoryview, at: int, what: str) -> tuple[memoryview, int]:
    """A u32 length at ``at`` and that many bytes after it; the offset after them."""
    if at + 4 > len(body):
        raise GymServerError(BAD_REPLY, f"a {what} of {len(body)} bytes is cut short")
    (length,) = _U32.unpack_from(body, at)
    end = at + 4 + length
    if end > len(body):
        raise GymServerError(BAD_REPLY, f"a {what} of {len(body)} bytes is cut short")
    return body[at + 4:end], end


def _end(body: memoryview, at: int, what: str) -> None:
    if at != len(body):
        raise GymServerError(BAD_REPLY, f"a {what} of {len(body)} bytes has {len(body) - at} bytes after its last field")


def info_from(data: memoryview) -> Any:
    """An info (or a list of infos) from its JSON; None when empty (I = 0)."""
    return json.loads(bytes(data)) if len(data) else None


def read_reset(body: memoryview) -> tuple[memoryview, dict]:
    """0x83: the observation's raw bytes and the info."""
    observation, at = _sized(body, 0, "reset reply")
    info, at = _sized(body, at, "reset reply")
    _end(body, at, "reset reply")
    return observation, info_from(info) or {}


def read_step(body: memoryview) -> tuple[memoryview, float, bool, bool, dict]:
    """0x84: the observation's raw bytes, reward, terminated, truncated and the info."""
    observation, at = _sized(body, 0, "step reply")
    if at + _STEP_TAIL.size > len(body):
        raise GymServerError(BAD_REPLY, f"a step reply of {len(body)} bytes is cut short")
    reward, terminated, truncated, _ = _STEP_TAIL.unpack_from(body, at)
    info, at = _sized(body, at + 10, "step reply")
    _end(body, at, "step reply")
    return observation, reward, terminated != 0, truncated != 0, info_from(info) or {}


def read_sample(body: memoryview) -> memoryview:
    """0x85: the sampled action's raw bytes."""
    action, at = _sized(body, 0, "sample reply")
    _end(body, at, "sample reply")
    return action


def read_reset_vec(body: memoryview, count: int, size: int) -> tuple[memoryview, list]:
    """0x87: the N observations' raw bytes (sub-env 0 first) and the list of infos, checked against N and B."""
    if len(body) < 8:
        raise GymServerError(BAD_REPLY, f"a reset_vec reply of {len(body)} bytes is cut short")
    n, b = struct.unpack_from("<II", body)
    if n != count or b != size:
        raise GymServerError(BAD_REPLY, f"reset_vec reply for {n} env(s) of {b}-byte observations")
    if 8 + n * b > len(body):
        raise GymServerError(BAD_REPLY, f"a reset_vec reply of {len(body)} bytes is cut short")
    infos, at = _sized(body, 8 + n * b, "reset_vec reply")
    _end(body, at, "reset_vec reply")
    return body[8:8 + n * b], info_from(infos) or [{} for _ in range(n)]

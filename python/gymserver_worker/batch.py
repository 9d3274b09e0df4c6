"""The batch command's payloads: resets and steps of several envs of one worker in one request and one reply.

The server sends one batch per worker per vector step (the sub-envs of a vector env that this worker hosts), so a
vector step costs one pipe message each way per worker instead of one per sub-env. docs/worker-protocol.md, "batch".

Request payload: u32 count, then per entry: u32 handle, u8 op (0 step, 1 reset), u32 M and M bytes of meta (a
reset's ``{"seed","options"}``, empty for none), u32 A and A bytes of action (a step's; 0 for a reset).

Reply payload, per entry in request order: u8 status (0 ok, 1 error), u32 J and J bytes of JSON (an ok entry's info,
empty when the info is; an error entry's error object), then for an ok step the f64 reward and u8 flags, then for an
ok entry whose env has no observation slot its observation bytes.
"""

from __future__ import annotations

import struct
from typing import List, NamedTuple

from .commands import PROTOCOL_ERROR, RequestError

STEP, RESET = 0, 1

_COUNT = struct.Struct("<I")
_ENTRY = struct.Struct("<IBI")
"""handle, op, meta length."""
_LENGTH = struct.Struct("<I")
ENTRY_REPLY = struct.Struct("<BI")
"""status and JSON length, at the head of each entry's reply."""


class Entry(NamedTuple):
    """One reset or step of a batch."""

    handle: int
    op: int
    meta: bytes
    action: memoryview


def parse(payload: memoryview) -> List[Entry]:
    """The entries of a batch request.

    Raises:
        RequestError: protocol_error, for a payload cut short, with bytes left over or an unknown op; nothing of
            the batch has run then.
    """
    size = len(payload)
    if size < _COUNT.size:
        raise RequestError(PROTOCOL_ERROR, f"a batch of {size} bytes has no entry count")
    (count,) = _COUNT.unpack_from(payload, 0)
    at = _COUNT.size
    entries: List[Entry] = []
    for index in range(count):
        if at + _ENTRY.size > size:
            raise RequestError(PROTOCOL_ERROR, f"batch entry {index} of {count} is cut short")
        handle, op, meta_length = _ENTRY.unpack_from(payload, at)
        at += _ENTRY.size
        if op not in (STEP, RESET):
            raise RequestError(PROTOCOL_ERROR, f"batch entry {index} has the unknown op {op}")
        meta = bytes(payload[at : at + meta_length])
        at += meta_length
        if at + _LENGTH.size > size:
            raise RequestError(PROTOCOL_ERROR, f"batch entry {index} of {count} is cut short")
        (action_length,) = _LENGTH.unpack_from(payload, at)
        at += _LENGTH.size
        if at + action_length > size:
            raise RequestError(PROTOCOL_ERROR, f"batch entry {index} of {count} is cut short")
        entries.append(Entry(handle, op, meta, payload[at : at + action_length]))
        at += action_length
    if at != size:
        raise RequestError(PROTOCOL_ERROR, f"a batch of {count} entries has {size - at} bytes left over")
    return entries


def request(entries: List[Entry]) -> bytes:
    """A batch request's payload, as the server writes it (for tests and tools)."""
    parts = [_COUNT.pack(len(entries))]
    for entry in entries:
        parts += (_ENTRY.pack(entry.handle, entry.op, len(entry.meta)), entry.meta,
                  _LENGTH.pack(len(entry.action)), bytes(entry.action))
    return b"".join(parts)

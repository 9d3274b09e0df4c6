"""Length-prefixed frames between the server and a worker.

Every frame, in both directions, starts with the same 17-byte little-endian header::

    u32 length    bytes after this field (13 + meta length + payload length)
    u8  kind      a command in a request, a status in a reply
    u32 call      request id, echoed by the reply
    u32 env       env handle the command is about (0 when none)
    u32 meta      length of the JSON meta that follows (0 when there is none)

then the meta (compact UTF-8 JSON) and the binary payload. docs/worker-protocol.md is the full specification.
"""

from __future__ import annotations

import os
import struct
from typing import Any, BinaryIO, NamedTuple, Sequence

HEADER = struct.Struct("<IBIII")
"""length, kind, call, env, meta length."""

_LENGTH = struct.Struct("<I")
_REST = struct.Struct("<BIII")
"""The header after its length field: what the length counts before meta and payload."""

_JOIN_LIMIT = 1 << 16
"""Payloads up to this size are copied into one buffer; beyond it, writev avoids the copy."""

MAX_FRAME_BYTES = 1 << 30
"""A length beyond this means the stream is corrupt, not that a frame is big."""

_IOV_MAX = 512
"""Stay well under the kernel's writev limit (1024 on Linux)."""


class FrameError(Exception):
    """The byte stream does not hold a well-formed frame; the connection cannot be trusted any more."""


class Frame(NamedTuple):
    """One decoded frame."""

    kind: int
    call: int
    env: int
    meta: bytes
    payload: memoryview


def read_frame(stream: BinaryIO) -> Frame | None:
    """Reads one frame.

    Args:
        stream: A buffered binary stream (its ``read(n)`` returns fewer than n bytes only at end of file).

    Returns:
        The frame, or None when the stream ended cleanly between frames.

    Raises:
        FrameError: The stream ended inside a frame, or the header is impossible.
    """
    prefix = stream.read(4)
    if not prefix:
        return None
    if len(prefix) < 4:
        raise FrameError("stream ended inside a frame length")
    (length,) = _LENGTH.unpack(prefix)
    if length < _REST.size or length > MAX_FRAME_BYTES:
        raise FrameError(f"impossible frame length {length}")
    body = stream.read(length)
    if len(body) < length:
        raise FrameError(f"stream ended inside a frame ({len(body)} of {length} bytes)")
    kind, call, env, meta_length = _REST.unpack_from(body)
    meta_end = _REST.size + meta_length
    if meta_end > length:
        raise FrameError(f"meta length {meta_length} exceeds the frame")
    view = memoryview(body)
    return Frame(kind, call, env, body[_REST.size : meta_end], view[meta_end:])


def write_frame(fd: int, kind: int, call: int, env: int, meta: bytes, payload: Sequence[Any] = ()) -> None:
    """Writes one frame.

    Small frames (every step of a small env) are joined into one buffer and written with one ``write``, which
    is cheaper in Python than building I/O vectors; large ones go out with ``writev`` so images are not copied.

    Args:
        fd: The file descriptor to write to (a pipe).
        kind: Command or status byte.
        call: Request id.
        env: Env handle.
        meta: Compact UTF-8 JSON, or empty.
        payload: Buffers written one after another (bytes, memoryviews, C-contiguous numpy arrays).
    """
    size = len(meta)
    for part in payload:
        nbytes = getattr(part, "nbytes", None)
        size += len(part) if nbytes is None else nbytes
    header = HEADER.pack(_REST.size + size, kind, call, env, len(meta))
    if size <= _JOIN_LIMIT:
        _write_all(fd, b"".join((header, meta, *payload)))
        return
    parts = [memoryview(header), memoryview(meta), *(memoryview(part).cast("B") for part in payload)]
    if len(parts) > _IOV_MAX:
        _write_all(fd, b"".join(parts))
        return
    written = os.writev(fd, parts)
    if written < HEADER.size + size:
        # A signal interrupted a large write: send the rest from where it stopped.
        _write_all(fd, memoryview(b"".join(parts))[written:])


def _write_all(fd: int, data: Any) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]

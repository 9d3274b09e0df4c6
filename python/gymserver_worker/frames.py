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
from typing import BinaryIO, NamedTuple, Sequence

HEADER = struct.Struct("<IBIII")
"""length, kind, call, env, meta length."""

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
    (length,) = struct.unpack("<I", prefix)
    if length < HEADER.size - 4 or length > MAX_FRAME_BYTES:
        raise FrameError(f"impossible frame length {length}")
    body = stream.read(length)
    if len(body) < length:
        raise FrameError(f"stream ended inside a frame ({len(body)} of {length} bytes)")
    _, kind, call, env, meta_length = HEADER.unpack_from(prefix + body[: HEADER.size - 4])
    meta_end = HEADER.size - 4 + meta_length
    if meta_end > length:
        raise FrameError(f"meta length {meta_length} exceeds the frame")
    view = memoryview(body)
    return Frame(kind, call, env, bytes(view[HEADER.size - 4 : meta_end]), view[meta_end:])


def write_frame(fd: int, kind: int, call: int, env: int, meta: bytes, payload: Sequence[object] = ()) -> None:
    """Writes one frame with a single ``writev`` where possible, so big payloads are not copied.

    Args:
        fd: The file descriptor to write to (a pipe).
        kind: Command or status byte.
        call: Request id.
        env: Env handle.
        meta: Compact UTF-8 JSON, or empty.
        payload: Buffers written one after another (bytes, memoryviews, C-contiguous numpy arrays).
    """
    views = [memoryview(part).cast("B") for part in payload]
    body_length = HEADER.size - 4 + len(meta) + sum(view.nbytes for view in views)
    header = HEADER.pack(body_length, kind, call, env, len(meta))
    parts: list[memoryview] = [memoryview(header), memoryview(meta), *views]
    if len(parts) > _IOV_MAX:
        parts = [memoryview(b"".join(parts))]
    total = body_length + 4
    written = os.writev(fd, parts)
    if written < total:
        # A signal interrupted a large write: send the rest from where it stopped.
        rest = memoryview(b"".join(parts))[written:]
        while rest:
            rest = rest[os.write(fd, rest) :]

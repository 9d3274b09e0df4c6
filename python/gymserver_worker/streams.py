"""Frame streams for the command loop, batched when the server pipelines requests.

Many sessions share a worker, so the server often has several requests in the pipe at once. The reader buffers
what one ``read`` returns and says whether another whole frame is already there; while it is, the loop queues
replies instead of writing each, and writes them together before it next waits for input. With one client at a
time this is exactly one read and one write per step, as before.
"""

from __future__ import annotations

import os
from typing import Any, List, Sequence

from .frames import _JOIN_LIMIT, _LENGTH, _REST, HEADER, MAX_FRAME_BYTES, Frame, FrameError, write_frame

_CHUNK = 1 << 16


class FrameReader:
    """Frames from a file descriptor, read in chunks into a buffer of its own."""

    def __init__(self, fd: int) -> None:
        self._fd = fd
        self._buffer = bytearray()
        self._start = 0

    def has_frame(self) -> bool:
        """Whether a whole frame is buffered, so :meth:`read` will not wait for input."""
        return self._frame_size() is not None

    def read(self) -> Frame | None:
        """The next frame; None when the input ended cleanly between frames.

        Raises:
            FrameError: The input ended inside a frame, or a length is impossible.
        """
        while True:
            size = self._frame_size()
            if size is not None:
                return self._take(size)
            if self._start:
                del self._buffer[: self._start]
                self._start = 0
            data = os.read(self._fd, max(_CHUNK, self._missing()))
            if not data:
                if self._buffer:
                    raise FrameError(f"stream ended inside a frame ({len(self._buffer)} bytes buffered)")
                return None
            self._buffer += data

    def _frame_size(self) -> int | None:
        available = len(self._buffer) - self._start
        if available < 4:
            return None
        (length,) = _LENGTH.unpack_from(self._buffer, self._start)
        if length < _REST.size or length > MAX_FRAME_BYTES:
            raise FrameError(f"impossible frame length {length}")
        return 4 + length if available >= 4 + length else None

    def _missing(self) -> int:
        available = len(self._buffer) - self._start
        if available < 4:
            return 4 - available
        (length,) = _LENGTH.unpack_from(self._buffer, self._start)
        missing: int = 4 + length - available
        return missing

    def _take(self, size: int) -> Frame:
        # Copied out, so the frame stays valid when the buffer is compacted or refilled.
        body = bytes(self._buffer[self._start + 4 : self._start + size])
        self._start += size
        kind, call, env, meta_length = _REST.unpack_from(body)
        meta_end = _REST.size + meta_length
        if meta_end > len(body):
            raise FrameError(f"meta length {meta_length} exceeds the frame")
        return Frame(kind, call, env, body[_REST.size : meta_end], memoryview(body)[meta_end:])


class FrameWriter:
    """Replies to a file descriptor; small ones are queued until :meth:`flush`, large ones flush and go at once."""

    def __init__(self, fd: int) -> None:
        self._fd = fd
        self._queued: List[bytes] = []
        self._queued_bytes = 0

    def write(self, kind: int, call: int, env: int, meta: bytes, payload: Sequence[Any] = ()) -> None:
        """Queues (or, for a large payload, writes) one frame."""
        size = len(meta)
        for part in payload:
            nbytes = getattr(part, "nbytes", None)
            size += len(part) if nbytes is None else nbytes
        if size > _JOIN_LIMIT:
            self.flush()
            write_frame(self._fd, kind, call, env, meta, payload)
            return
        header = HEADER.pack(_REST.size + size, kind, call, env, len(meta))
        self._queued.append(b"".join((header, meta, *payload)))
        self._queued_bytes += HEADER.size + size
        if self._queued_bytes > _JOIN_LIMIT:
            self.flush()

    def flush(self) -> None:
        """Writes every queued frame with one ``write``."""
        if not self._queued:
            return
        view = memoryview(b"".join(self._queued) if len(self._queued) > 1 else self._queued[0])
        self._queued.clear()
        self._queued_bytes = 0
        while view:
            view = view[os.write(self._fd, view) :]

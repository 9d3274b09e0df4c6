"""Shared-memory slots: regions of files the server creates (under /dev/shm) that the worker writes values into.

The server creates a file of the slot's size for one env, sends ``attach`` with its path, and unlinks the file once
the worker has mapped it: from then on the memory lives exactly as long as the two mappings, so a worker or a server
that dies leaves nothing behind. The worker writes an observation (or a rendered frame) into the slot before it
replies; the reply on the pipe carries only the small rest, and the server copies the value out of the slot after
reading the reply, before it sends the env's next request. docs/worker-protocol.md, "Shared memory".
"""

from __future__ import annotations

import mmap
import os
from typing import Any, Sequence

from .commands import ENV_ERROR, INVALID_ARGUMENT, RequestError

OBSERVATION = "observation"
FRAME = "frame"
USES = (OBSERVATION, FRAME)


class SharedSlot:
    """One mapped region of ``size`` bytes."""

    __slots__ = ("_map", "size")

    def __init__(self, path: str, size: int) -> None:
        try:
            fd = os.open(path, os.O_RDWR)
        except OSError as error:
            raise RequestError(INVALID_ARGUMENT, f"cannot open the shared memory file {path}: {error}") from error
        try:
            length = os.fstat(fd).st_size
            if length < size:
                raise RequestError(INVALID_ARGUMENT, f"the shared memory file {path} has {length} bytes, not {size}")
            self._map = mmap.mmap(fd, size, mmap.MAP_SHARED, mmap.PROT_READ | mmap.PROT_WRITE)
        finally:
            os.close(fd)
        self.size = size

    def write(self, parts: Sequence[Any]) -> int:
        """Writes buffers one after another from the start of the slot; returns the bytes written.

        Raises:
            RequestError: env_error, when they do not fit (the caller checks sizes first; this guards the memory).
        """
        offset = 0
        for part in parts:
            nbytes = getattr(part, "nbytes", None)
            length = len(part) if nbytes is None else nbytes
            if offset + length > self.size:
                raise RequestError(ENV_ERROR, f"a value of more than {self.size} bytes does not fit its slot")
            # mmap's slice assignment takes any C-contiguous buffer (numpy arrays of any shape): one memcpy.
            self._map[offset : offset + length] = part
            offset += length
        return offset

    def close(self) -> None:
        """Unmaps the slot; the server's mapping (and so the memory) may live on until it drops its own."""
        self._map.close()

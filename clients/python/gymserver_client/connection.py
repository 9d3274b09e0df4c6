"""One TCP connection to GymServer: JSON requests out, replies in, in order; binary frames (protocol 2's binary encoding),
their replies decompressed when the server compressed them."""

from __future__ import annotations

import json
import os
import socket
import ssl
import struct
import threading
import zlib
from typing import Any, Optional, Union

import numpy as np

from gymserver_client import compression
from gymserver_client.errors import (BAD_REPLY, CLOSING_CODES, CONNECTION_CLOSED, CONNECTION_LOST, TLS_FAILED,
                                     GymServerError)
from gymserver_client.frames import ERROR_REPLY, FRAME_NAMES, reply_type

FRAME_MAGIC = 0xB7
FRAME_HEADER = struct.Struct("<BBBBI")  # magic, type, codec, reserved, payload length
REPLY_END = b"\r\n\r\n"


def _compact(request: Any) -> bytes:
    # Compact JSON on one line: the protocol's framing relies on it (docs/protocol.md).
    return json.dumps(request, separators=(",", ":"), allow_nan=False).encode() + b"\r\n"


Tls = Union[bool, str, "os.PathLike[str]", ssl.SSLContext, None]
"""How to connect: None or False for plain TCP; True for TLS trusting the system's roots; the path of a PEM file of
CA certificates to trust instead (a private CA); or an ``ssl.SSLContext`` used as given."""


def tls_context(tls: Tls) -> Optional[ssl.SSLContext]:
    """The SSL context a ``tls`` argument asks for (None for plain TCP). Certificates and host names are checked."""
    if tls is None or tls is False:
        return None
    if isinstance(tls, ssl.SSLContext):
        return tls
    if tls is True:
        return ssl.create_default_context()
    return ssl.create_default_context(cafile=os.fspath(tls))


def raise_if_error(reply: Any) -> Any:
    """Returns the reply, or raises the GymServerError it carries."""
    if isinstance(reply, dict) and isinstance(reply.get("error"), dict):
        error = reply["error"]
        raise GymServerError(str(error.get("code", "unknown")), str(error.get("message", "")))
    return reply


class Connection:
    """A connection speaking whatever protocol its requests speak (1 until a handshake, then 2).

    Thread-safe: requests from several threads are run one after another. A request that fails half way (timeout,
    socket error) closes the connection, since a late reply would be taken for the next request's.

    Args:
        host: the server's address.
        port: its TCP port (4040 by default on the server).
        timeout: seconds a connect (with its TLS handshake) or a request may take, or None to wait forever.
        max_reply: the largest reply accepted, in bytes.
        tls: TLS to a server whose TCP port speaks it (``Gym:Tcp:Tls``); see ``Tls``. Default: plain TCP.
        server_hostname: the name the server's certificate must carry (and SNI); default: ``host``.

    Raises:
        GymServerError: ``connection_lost`` when the server cannot be reached, ``tls_failed`` when the TLS handshake
            fails (a certificate not trusted or not for the host name, or a port without TLS).
    """

    def __init__(self, host: str = "127.0.0.1", port: int = 4040, timeout: Optional[float] = 60.0,
                 max_reply: int = 256 << 20, *, tls: Tls = None, server_hostname: Optional[str] = None):
        context = tls_context(tls)
        try:
            self._socket = socket.create_connection((host, port), timeout=timeout)
        except socket.timeout as e:
            raise TimeoutError(f"connecting to {host}:{port} took longer than {timeout} s") from e
        except OSError as e:
            raise GymServerError(CONNECTION_LOST, f"cannot connect to GymServer at {host}:{port}: {e}") from e
        self._socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        if context is not None:
            self._socket = self._handshake(context, host, port, server_hostname or host, timeout)
        self._buffer = bytearray()
        self._lock = threading.Lock()
        self._max_reply = max_reply
        self._broken: Optional[str] = None
        self._compressed = False

    def _handshake(self, context: ssl.SSLContext, host: str, port: int, server_hostname: str,
                   timeout: Optional[float]) -> ssl.SSLSocket:
        try:
            return context.wrap_socket(self._socket, server_hostname=server_hostname)
        except socket.timeout as e:
            self._socket.close()
            raise TimeoutError(f"the TLS handshake with {host}:{port} took longer than {timeout} s "
                               "(does the port speak TLS?)") from e
        except OSError as e:  # ssl.SSLError (a certificate not trusted, not TLS at all) or a reset
            self._socket.close()
            raise GymServerError(TLS_FAILED, f"the TLS handshake with GymServer at {host}:{port} failed (is its "
                                             f"certificate trusted and for {server_hostname}, and does the port speak "
                                             f"TLS?): {e}") from e

    def request(self, request: Any) -> Any:
        """Sends a request (a JSON-able object) and returns its reply, error replies included."""
        with self._lock:
            return self._run(lambda: self._exchange(request))

    def call(self, request: Any) -> Any:
        """Like request, raising the GymServerError of an error reply."""
        return raise_if_error(self.request(request))

    def send(self, request: Any) -> None:
        """Sends a request that has no reply (protocol 1's seed, close, record_episode_stats, compression)."""
        with self._lock:
            self._run(lambda: self._write(request))

    def request_frame(self, frame_type: int, payload: bytes) -> tuple[int, memoryview]:
        """Sends a binary frame and returns the type and payload of its binary reply (raising error frames)."""
        def exchange():
            self._socket.sendall(FRAME_HEADER.pack(FRAME_MAGIC, frame_type, 0, 0, len(payload)) + payload)
            # At least the first byte, at most a frame header: the header usually comes in the same read.
            self._fill(1, at_most=FRAME_HEADER.size)
            if self._buffer[0] != FRAME_MAGIC:
                raise_if_error(self._read_json())  # a server without binary frames refuses in JSON
                raise GymServerError(BAD_REPLY, "a JSON reply came for a binary request")
            kind, body = self._read_frame()
            if kind == ERROR_REPLY:
                raise_if_error(json.loads(bytes(body)))
            return kind, body
        with self._lock:
            return self._run(exchange)

    def frame(self, frame_type: int, payload: bytes) -> memoryview:
        """Sends a binary request frame and returns the payload of the frame that answers it (raising error frames).

        The payload is a buffer of its own: observations read from it with numpy are views, not copies."""
        kind, body = self.request_frame(frame_type, payload)
        if kind != reply_type(frame_type):
            name = FRAME_NAMES.get(frame_type, f"0x{frame_type:02X}")
            raise GymServerError(BAD_REPLY, f"a frame of type 0x{kind:02X} came as the reply to {name}")
        return body

    def close(self) -> None:
        """Closes the connection; the server closes every env it held."""
        self._broken = self._broken or "the connection was closed"
        self._socket.close()

    def __enter__(self) -> "Connection":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def _run(self, action):
        if self._broken:
            raise GymServerError(CONNECTION_LOST, f"{self._broken}; connect again")
        try:
            return action()
        except socket.timeout as e:
            self._break("a request timed out")
            limit = self._socket.gettimeout()
            raise TimeoutError(f"no reply from GymServer within {limit} s; the connection was closed") from e
        except OSError as e:
            self._break("the connection failed")
            raise GymServerError(CONNECTION_LOST, f"the connection to GymServer failed: {e}") from e
        except GymServerError as e:
            if e.code in CLOSING_CODES or e.code in (CONNECTION_CLOSED, BAD_REPLY):
                self._break(f"the connection ended ({e.code})")
            raise

    def _break(self, reason: str) -> None:
        self._broken = reason
        self._socket.close()

    def _write(self, request: Any) -> None:
        self._track_compression(request)
        self._socket.sendall(_compact(request))

    def _exchange(self, request: Any) -> Any:
        self._write(request)
        return self._read_json()

    def _track_compression(self, request: Any) -> None:
        """Protocol 1: a compression request compresses later replies; making an env or the handshake stops it."""
        if not isinstance(request, dict):
            return
        server = request.get("server")
        if isinstance(server, dict) and "compression" in server:
            self._compressed = str(server["compression"]) != "0"
        elif isinstance(server, dict) and "protocol" in server:
            self._compressed = False
        elif isinstance(request.get("env"), dict) and "name" in request["env"]:
            self._compressed = False

    def _read_json(self) -> Any:
        self._fill(1)
        if self._buffer[0] == FRAME_MAGIC and not self._compressed:
            kind, _ = self._read_frame()
            raise GymServerError(BAD_REPLY, f"a binary frame of type 0x{kind:02X} came as the reply to a JSON request")
        start = 0
        while True:
            end = self._buffer.find(REPLY_END, start)
            if end >= 0:
                body = bytes(self._buffer[:end])
                del self._buffer[:end + len(REPLY_END)]
                if self._compressed:
                    body = zlib.decompress(body)
                try:
                    return json.loads(body)
                except ValueError as e:
                    raise GymServerError(BAD_REPLY, f"the reply is not JSON ({e}): {body[:200]!r}") from e
            start = max(0, len(self._buffer) - 3)
            self._fill(len(self._buffer) + 1)

    def _read_frame(self) -> tuple[int, memoryview]:
        self._fill(FRAME_HEADER.size, at_most=FRAME_HEADER.size)
        _, kind, codec, _, length = FRAME_HEADER.unpack_from(self._buffer)
        if length > self._max_reply:
            raise GymServerError(BAD_REPLY, f"a binary reply of {length} bytes is longer than the maximum")
        # The payload gets a buffer of its own, filled straight from the socket: a batch of images is copied once (by
        # the kernel), and the observations returned are numpy views of it. np.empty, not bytearray(length): zeroing
        # megabytes that recv_into then overwrites took a tenth of a vector client's CPU.
        view = memoryview(np.empty(length, np.uint8))
        buffered = min(length, len(self._buffer) - FRAME_HEADER.size)
        view[:buffered] = self._buffer[FRAME_HEADER.size:FRAME_HEADER.size + buffered]
        del self._buffer[:FRAME_HEADER.size + buffered]
        while buffered < length:
            received = self._socket.recv_into(view[buffered:])
            if not received:
                raise GymServerError(CONNECTION_CLOSED, "GymServer closed the connection")
            buffered += received
        if codec:
            view = compression.decompress(codec, view, self._max_reply)
        return kind, view

    def _fill(self, count: int, at_most: Optional[int] = None) -> None:
        """Reads until the buffer holds ``count`` bytes, up to 64 KB a read; with ``at_most``, never past that many
        bytes in the buffer: a binary reply's header is read alone, so that its payload goes from the socket straight
        into a buffer of its own, not its first 64 KB through this one (three copies more)."""
        while len(self._buffer) < count:
            if count > self._max_reply + len(REPLY_END):
                raise GymServerError(BAD_REPLY, f"a reply is longer than {self._max_reply} bytes")
            missing = count - len(self._buffer)
            chunk = self._socket.recv(at_most - len(self._buffer) if at_most is not None else max(65536, missing))
            if not chunk:
                raise GymServerError(CONNECTION_CLOSED, "GymServer closed the connection")
            self._buffer += chunk

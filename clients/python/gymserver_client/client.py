"""A protocol-2 connection: the handshake, and make / make_vec / list_envs / close_all."""

from __future__ import annotations

import json
from typing import Any, Callable, Optional, Sequence, Union

from gymserver_client import compression as codecs
from gymserver_client.connection import Connection, Tls
from gymserver_client.errors import BAD_REPLY, GymServerError
from gymserver_client.frames import MAKE_REQUEST, MAKE_VEC_REQUEST


class GymClient:
    """A connection after the protocol-2 handshake. Many envs may share one client (and so one connection).

    Args:
        host: the server's address.
        port: its TCP port.
        timeout: seconds a connect or a request may take, or None to wait forever.
        binary: the encoding: None (the default) for binary frames when the server offers them, JSON otherwise;
            True to require binary; False for JSON lines only (docs/protocol.md, "Binary encoding"). ``self.binary``
            says what the server agreed to.
        compression: ask the server to compress its larger binary frames: ``"lz4"``, ``"zstd"``, or several names,
            most wanted first. Needs binary frames (not ``binary=False``). ``client.compression`` then says what the
            server agreed to (``"none"`` when it allows none of them). Needs Debian's python3-lz4 / python3-zstandard.
        tls: TLS for a server whose port speaks it: True (the system's trusted roots), the path of a CA file, or an
            ``ssl.SSLContext`` (see ``connection.Tls``). Default: plain TCP.
        server_hostname: the name the server's certificate must carry; default: ``host``.
    """

    def __init__(self, host: str = "127.0.0.1", port: int = 4040, timeout: Optional[float] = 60.0,
                 binary: Optional[bool] = None, *, tls: Tls = None, server_hostname: Optional[str] = None,
                 compression: Union[str, Sequence[str], None] = None):
        proposed = codecs.proposal(compression) if compression else None
        if proposed is not None and binary is False:
            raise ValueError("compression applies to binary frames: leave binary unset or True")
        self.connection = Connection(host, port, timeout, tls=tls, server_hostname=server_hostname)
        try:
            handshake: dict[str, Any] = {"protocol": 2}
            if binary is not False:
                handshake["encoding"] = "binary"
            if proposed is not None:
                handshake["codecs"] = proposed
            try:
                reply = self.connection.call({"server": handshake})
            except GymServerError as e:
                # A server without the binary encoding refuses the field; then this connection speaks JSON.
                if binary is not None or e.code not in ("invalid_argument", "invalid_request"):
                    raise
                reply = self.connection.call({"server": {"protocol": 2}})
            if reply.get("protocol") != 2:
                raise GymServerError(BAD_REPLY, f"the server did not agree to protocol 2: {reply!r}")
            self.binary = reply.get("encoding") == "binary"
            if binary and not self.binary:
                raise GymServerError(BAD_REPLY, f"the server did not agree to the binary encoding: {reply!r}")
            self.compression: str = codecs.codec_name(reply.get("codec"))
            self.server: str = reply.get("server", "")
        except BaseException:
            self.connection.close()
            raise

    def call(self, command: str, **arguments: Any) -> dict:
        """Sends ``{command: arguments}`` (None arguments left out) and returns the reply, raising errors."""
        return self.connection.call({command: {k: v for k, v in arguments.items() if v is not None}})

    def make(self, env_id: str, kwargs: Optional[dict] = None, render_mode: Optional[str] = None,
             wrappers: Optional[list] = None) -> dict:
        """The raw ``make`` reply: instance, id, backend and both space descriptions (the wrapped env's).

        ``wrappers``: Gymnasium wrappers the server applies in order, ``[{"name": ..., "kwargs": {...}}, ...]``.
        """
        return self._call_json_frame(MAKE_REQUEST, "make", id=env_id, kwargs=kwargs, render_mode=render_mode,
                                     wrappers=wrappers or None)

    def make_vec(self, env_id: str, num_envs: int, kwargs: Optional[dict] = None,
                 wrappers: Optional[list] = None) -> dict:
        """The raw ``make_vec`` reply; ``wrappers`` go around every sub-env."""
        return self._call_json_frame(MAKE_VEC_REQUEST, "make_vec", id=env_id, num_envs=num_envs, kwargs=kwargs,
                                     wrappers=wrappers or None)
    def _call_json_frame(self, frame_type: int, command: str, **arguments: Any) -> dict:
        """A command whose frame carries its JSON arguments (make, make_vec): a frame in binary, a line in JSON."""
        if not self.binary:
            return self.call(command, **arguments)
        present = {k: v for k, v in arguments.items() if v is not None}
        body = self.connection.frame(frame_type, json.dumps(present, separators=(",", ":"), allow_nan=False).encode())
        return json.loads(bytes(body))

    def list_envs(self) -> list[dict]:
        """Every env id the server serves, with its backend and space descriptions."""
        return self.call("list_envs")["envs"]

    def close_all(self) -> None:
        """Closes every env of this connection; the connection stays open."""
        self.call("close", all=True)

    def close(self) -> None:
        """Closes the connection (and so, on the server, every env it held)."""
        self.connection.close()

    def __enter__(self) -> "GymClient":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


def make_on(client: Optional[GymClient], open_client: Callable[[], GymClient],
            make: Callable[[GymClient], dict[str, Any]]) -> tuple[GymClient, bool, dict[str, Any]]:
    """Makes an env on ``client``, or on a new connection from ``open_client`` when it is None.

    Returns the client, whether the caller owns it (and must close it with its env), and the make reply. A new
    connection whose make fails is closed before the error goes on: nothing is left open.
    """
    if client is not None:
        return client, False, make(client)
    owned = open_client()
    try:
        return owned, True, make(owned)
    except BaseException:
        owned.close()
        raise

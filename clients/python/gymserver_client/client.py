"""A protocol-2 connection: the handshake, and make / make_vec / list_envs / close_all."""

from __future__ import annotations

from typing import Any, Callable, Optional

from gymserver_client.connection import Connection, Tls
from gymserver_client.errors import BAD_REPLY, GymServerError


class GymClient:
    """A connection after the protocol-2 handshake. Many envs may share one client (and so one connection).

    Args:
        host: the server's address.
        port: its TCP port.
        timeout: seconds a connect or a request may take, or None to wait forever.
        binary: ask for the binary encoding of vector steps (docs/protocol.md, "Binary encoding").
        tls: TLS for a server whose port speaks it: True (the system's trusted roots), the path of a CA file, or an
            ``ssl.SSLContext`` (see ``connection.Tls``). Default: plain TCP.
        server_hostname: the name the server's certificate must carry; default: ``host``.
    """

    def __init__(self, host: str = "127.0.0.1", port: int = 4040, timeout: Optional[float] = 60.0,
                 binary: bool = False, *, tls: Tls = None, server_hostname: Optional[str] = None):
        self.connection = Connection(host, port, timeout, tls=tls, server_hostname=server_hostname)
        try:
            handshake: dict[str, Any] = {"protocol": 2}
            if binary:
                handshake["encoding"] = "binary"
            reply = self.connection.call({"server": handshake})
            if reply.get("protocol") != 2:
                raise GymServerError(BAD_REPLY, f"the server did not agree to protocol 2: {reply!r}")
            self.binary = reply.get("encoding") == "binary"
            if binary and not self.binary:
                raise GymServerError(BAD_REPLY, f"the server did not agree to the binary encoding: {reply!r}")
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
        return self.call("make", id=env_id, kwargs=kwargs, render_mode=render_mode, wrappers=wrappers or None)

    def make_vec(self, env_id: str, num_envs: int, kwargs: Optional[dict] = None,
                 wrappers: Optional[list] = None) -> dict:
        """The raw ``make_vec`` reply; ``wrappers`` go around every sub-env."""
        return self.call("make_vec", id=env_id, num_envs=num_envs, kwargs=kwargs, wrappers=wrappers or None)

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

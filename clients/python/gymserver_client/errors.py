"""The error a GymServer reply carries, or the loss of the connection."""

from __future__ import annotations

CONNECTION_CLOSED = "connection_closed"
"""The client's own code: the server closed the connection."""

CONNECTION_LOST = "connection_lost"
"""The client's own code: the connection failed (socket error, timeout) or was closed by an earlier failure."""

BAD_REPLY = "bad_reply"
"""The client's own code: a reply the client cannot read."""

TLS_FAILED = "tls_failed"
"""The client's own code: the TLS handshake failed (a certificate not trusted or not for the host name, no TLS)."""

INVALID_ARGUMENT = "invalid_argument"
"""The server's code for an argument it refuses; the client raises it too for a seed a binary frame cannot carry."""

COMPRESSION_UNAVAILABLE = "compression_unavailable"
"""The client's own code: a compression was asked for whose Python module is not installed."""

CLOSING_CODES = frozenset({"server_shutting_down", "idle_timeout", "too_many_connections", "tls_required"})
"""Errors the server sends on its own just before it closes the connection (docs/protocol.md)."""


class GymServerError(Exception):
    """An error reply (``{"error":{"code":..,"message":..}}``) or a failed connection.

    Attributes:
        code: the server's snake_case code (``unknown_env``, ``invalid_action``, ...) or one of this module's
            ``CONNECTION_CLOSED``, ``CONNECTION_LOST``, ``BAD_REPLY``, ``TLS_FAILED``.
        message: the text for people.
    """

    def __init__(self, code: str, message: str):
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message

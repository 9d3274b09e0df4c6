"""Reply frames as the worker builds them (numpy-free, so a worker without numpy can still report that)."""

from __future__ import annotations

import json
import traceback
from typing import Any, List, NamedTuple

from . import commands as cmd


class Reply(NamedTuple):
    """A reply frame's status, meta and payload buffers."""

    status: int
    meta: bytes
    payload: List[Any]


def error_reply(code: str, error: BaseException) -> Reply:
    """An error reply: the code, the exception's type and message, and the Python traceback."""
    body = {
        "code": code,
        "type": type(error).__name__,
        "message": str(error) or type(error).__name__,
        "traceback": "".join(traceback.format_exception(type(error), error, error.__traceback__)),
    }
    return Reply(cmd.ERROR, json.dumps(body, separators=(",", ":")).encode("utf-8"), [])

"""The command and status bytes of the worker protocol, and the error codes a worker reports."""

from __future__ import annotations

# Request kinds (the server sends these).
MAKE = 2
RESET = 3
STEP = 4
SPACES = 5
SAMPLE = 6
RENDER = 7
CLOSE = 8
LIST = 9
ATTACH = 10
BATCH = 11

NAMES = {MAKE: "make", RESET: "reset", STEP: "step", SPACES: "spaces", SAMPLE: "sample", RENDER: "render",
         CLOSE: "close", LIST: "list", ATTACH: "attach", BATCH: "batch"}

# Reply kinds (the worker sends these). The first frame a worker writes is a reply to call 0: its hello.
OK = 0
ERROR = 1

# Error codes, the same words the server uses on its own wire.
UNKNOWN_ENV = "unknown_env"
INVALID_ARGUMENT = "invalid_argument"
RESET_NEEDED = "reset_needed"
ENV_ERROR = "env_error"
UNSUPPORTED_SPACE = "unsupported_space"
FORBIDDEN_ENV = "forbidden_env"
UNKNOWN_WRAPPER = "unknown_wrapper"
PROTOCOL_ERROR = "protocol_error"
# Hello errors: the worker cannot serve at all and exits after reporting them.
GYMNASIUM_MISSING = "gymnasium_missing"
IMPORT_FAILED = "import_failed"


class RequestError(Exception):
    """A request the worker refuses, with the code it reports."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code

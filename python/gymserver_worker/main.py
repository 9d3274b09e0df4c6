"""The worker's process: claims stdin/stdout for frames, says hello, then serves commands until stdin ends."""

from __future__ import annotations

import argparse
import importlib
import os
import platform
import signal
import sys
import traceback
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Tuple

from . import PROTOCOL_VERSION
from . import commands as cmd
from .frames import FrameError, write_frame
from .gymapi import BackendMissing, GymApi
from .replies import Reply, error_reply
from .streams import FrameReader, FrameWriter

if TYPE_CHECKING:
    from .worker import Worker


def parse_args(argv: Optional[List[str]]) -> argparse.Namespace:
    """The command line the server passes."""
    parser = argparse.ArgumentParser(description="GymServer worker: hosts Gymnasium envs over stdin/stdout frames")
    parser.add_argument("--import", dest="imports", action="append", default=[], metavar="MODULE",
                        help="import a module at start (one that registers envs); repeatable")
    parser.add_argument("--allow-module", dest="allowed", action="append", default=[], metavar="MODULE",
                        help="allow env ids of the form MODULE:Name; repeatable")
    return parser.parse_args(argv)


def claim_stdio() -> Tuple[int, int]:
    """Moves the protocol off fds 0 and 1, so env code that prints cannot corrupt a frame.

    Returns:
        The file descriptors the server's frames are read from and replies are written to.
    """
    frames_in = os.dup(0)
    frames_out = os.dup(1)
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)
    # Whatever is written to fd 1 from now on, by Python or by native code, lands on stderr.
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    sys.stdin = open(os.devnull)  # noqa: SIM115 - lives as long as the process
    return frames_in, frames_out


def main(argv: Optional[List[str]] = None) -> int:
    """Runs a worker until the server closes its stdin.

    Returns:
        The exit code: 0 after a clean end of input, 2 when gymnasium or an import is missing, 3 on a broken stream.
    """
    args = parse_args(argv)
    frames_in, out = claim_stdio()
    # Ctrl-C in the server's terminal reaches its whole process group; the server ends workers by closing stdin.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        api = GymApi.load()
        # numpy is imported only now, so a machine without it gets the same clear hello error.
        from .jsonsafe import dumps
        from .worker import Worker
    except (BackendMissing, ImportError) as error:
        return _fail_hello(out, cmd.GYMNASIUM_MISSING, error)
    for module in args.imports:
        try:
            importlib.import_module(module)
        except Exception as error:
            return _fail_hello(out, cmd.IMPORT_FAILED, error)
    _send(out, 0, 0, Reply(cmd.OK, dumps(_hello(api)), []))
    worker = Worker(api, args.allowed)
    try:
        return serve(frames_in, out, worker)
    finally:
        worker.close_all()


def serve(frames_in: int, frames_out: int, worker: Worker) -> int:
    """The command loop: one reply per request, in order; replies to pipelined requests go out together."""
    reader = FrameReader(frames_in)
    writer = FrameWriter(frames_out)
    try:
        while True:
            try:
                frame = reader.read()
            except FrameError as error:
                print(f"gym_worker: {error}; exiting", file=sys.stderr)
                return 3
            if frame is None:
                return 0
            reply = worker.handle(frame)
            writer.write(reply.status, frame.call, frame.env, reply.meta, reply.payload)
            try:
                more = reader.has_frame()
            except FrameError:
                more = False  # the next read reports it
            if not more:
                writer.flush()
    finally:
        writer.flush()


def _hello(api: GymApi) -> Dict[str, Any]:
    import numpy

    return {"protocol": PROTOCOL_VERSION, "pid": os.getpid(), "backend": api.name, "backend_version": api.version,
            "python": platform.python_version(), "numpy": numpy.__version__}


def _fail_hello(out: int, code: str, error: BaseException) -> int:
    traceback.print_exception(type(error), error, error.__traceback__, file=sys.stderr)
    _send(out, 0, 0, error_reply(code, error))
    return 2


def _send(out: int, call: int, env: int, reply: Reply) -> None:
    write_frame(out, reply.status, call, env, reply.meta, reply.payload)

"""Puts the worker package and the fake gymnasium on the path, and gives tests a worker process to talk to."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PYTHON_DIR = Path(__file__).resolve().parent.parent
FAKEGYM = PYTHON_DIR / "tests" / "fakegym"
FAKEOLDGYM = PYTHON_DIR / "tests" / "fakeoldgym"
sys.path[:0] = [str(PYTHON_DIR), str(FAKEGYM), str(FAKEOLDGYM)]

from gymserver_worker.frames import read_frame, write_frame  # noqa: E402


class WorkerProcess:
    """A real gym_worker.py process, spoken to frame by frame as the server does."""

    def __init__(self, pythonpath, args=()):
        environment = dict(os.environ, PYTHONPATH=os.pathsep.join(str(p) for p in pythonpath))
        self.process = subprocess.Popen(
            [sys.executable, str(PYTHON_DIR / "gym_worker.py"), *args], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment)
        self.calls = 0
        self.hello = read_frame(self.process.stdout)

    def request(self, kind, env=0, meta=None, payload=b""):
        self.calls += 1
        body = json.dumps(meta, separators=(",", ":")).encode() if meta is not None else b""
        write_frame(self.process.stdin.fileno(), kind, self.calls, env, body, [payload] if payload else [])
        reply = read_frame(self.process.stdout)
        assert reply is not None, "worker closed its stdout"
        assert reply.call == self.calls and reply.env == env
        return reply

    def close(self):
        self.process.stdin.close()
        code = self.process.wait(timeout=30)
        stderr = self.process.stderr.read().decode()
        self.process.stdout.close()
        self.process.stderr.close()
        return code, stderr


@pytest.fixture
def worker_process():
    """A worker with the fake gymnasium and the test envs imported at start."""
    worker = WorkerProcess([FAKEGYM], ["--import", "gymserver_testenvs"])
    yield worker
    if worker.process.poll() is None:
        worker.close()

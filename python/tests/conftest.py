"""Puts the worker package, a gym package and the test envs on the path, and gives tests a worker process to talk to.

By default the gym package is the repository's stand-ins, tests/fakegym (Gymnasium 1.x) and tests/fakeoldgym (gym
before 0.26): that is what CI runs. ``GYMSERVER_TEST_BACKEND`` names a real installation instead, as a PYTHONPATH
(a Gymnasium or gym source checkout, or a site-packages directory), and the same tests run against it:
python/tests/run_version_matrix.sh and docs/worker-versions.md.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

PYTHON_DIR = Path(__file__).resolve().parent.parent
FAKEGYM = PYTHON_DIR / "tests" / "fakegym"
FAKEOLDGYM = PYTHON_DIR / "tests" / "fakeoldgym"

REAL_BACKEND = [Path(p) for p in os.environ.get("GYMSERVER_TEST_BACKEND", "").split(os.pathsep) if p]
"""The real installation under test, or empty for the stand-ins."""


def _test_envs_alone():
    """A directory holding only the test envs (links into fakegym), so fakegym's gymnasium cannot shadow a real gym."""
    directory = Path(tempfile.mkdtemp(prefix="gymserver-testenvs-"))
    for name in ("gymserver_testenvs", "gymserver_userenv.py"):
        (directory / name).symlink_to(FAKEGYM / name)
    return directory


TEST_ENVS = _test_envs_alone() if REAL_BACKEND else FAKEGYM
BACKEND_PATH = [*REAL_BACKEND, TEST_ENVS] if REAL_BACKEND else [FAKEGYM]
"""What a worker process needs on its PYTHONPATH: the gym package under test and the test envs."""

sys.path[:0] = [str(PYTHON_DIR), *map(str, BACKEND_PATH)] + ([] if REAL_BACKEND else [str(FAKEOLDGYM)])

from gymserver_testenvs.compat import gym  # noqa: E402

from gymserver_worker.frames import read_frame, write_frame  # noqa: E402

fake_only = pytest.mark.skipif(
    bool(REAL_BACKEND), reason="tests the repository's fake old gym, which a real backend's run replaces")
"""For tests of the old-gym adapter against tests/fakeoldgym; against real gym 0.21 the whole suite covers it."""


def pytest_report_header(config):
    where = os.pathsep.join(map(str, REAL_BACKEND)) if REAL_BACKEND else "the repository's fakegym and fakeoldgym"
    return f"gym backend: {gym.__name__} {gym.__version__} from {where}"


def pytest_unconfigure(config):
    if REAL_BACKEND:
        shutil.rmtree(TEST_ENVS, ignore_errors=True)


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
    """A worker with the gym package under test and the test envs imported at start."""
    worker = WorkerProcess(BACKEND_PATH, ["--import", "gymserver_testenvs"])
    yield worker
    if worker.process.poll() is None:
        worker.close()

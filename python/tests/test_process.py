"""The worker as the server runs it: a real process, frames on its stdin and stdout."""

import json
import struct

from conftest import BACKEND_PATH, FAKEOLDGYM, WorkerProcess, fake_only
from gymserver_testenvs.compat import gym

from gymserver_worker import PROTOCOL_VERSION
from gymserver_worker import commands as cmd
from gymserver_worker.worker import STEP_RESULT


def test_hello_names_the_backend(worker_process):
    hello = worker_process.hello
    assert (hello.kind, hello.call, hello.env) == (cmd.OK, 0, 0)
    body = json.loads(hello.meta)
    assert body["protocol"] == PROTOCOL_VERSION and body["backend"] == gym.__name__
    assert body["backend_version"] == gym.__version__
    assert body["pid"] == worker_process.process.pid


def test_env_prints_do_not_reach_the_frames_and_envs_are_closed_at_exit(worker_process):
    assert worker_process.request(cmd.MAKE, 1, {"id": "GymServerTest/Noisy-v0"}).kind == cmd.OK
    assert worker_process.request(cmd.RESET, 1).kind == cmd.OK
    for action in range(3):
        reply = worker_process.request(cmd.STEP, 1, payload=struct.pack("<q", action))
        assert reply.kind == cmd.OK
        assert struct.unpack_from("<q", reply.payload, STEP_RESULT.size)[0] == action
    code, stderr = worker_process.close()
    assert code == 0
    assert "NoisyEnv: hello from __init__" in stderr and "raw write to fd 1" in stderr and "binary noise" in stderr
    # Nothing closes an env for the worker (Gymnasium 1.3 dropped even VectorEnv.__del__): it closes its own at exit.
    assert "NoisyEnv: closed" in stderr


def test_a_failing_env_leaves_the_others_serving(worker_process):
    worker_process.request(cmd.MAKE, 1, {"id": "GymServerTest/Raising-v0"})
    worker_process.request(cmd.MAKE, 2, {"id": "CartPole-v1"})
    worker_process.request(cmd.RESET, 1)
    worker_process.request(cmd.RESET, 2, {"seed": 0})
    failed = worker_process.request(cmd.STEP, 1, payload=struct.pack("<q", 1))
    assert failed.kind == cmd.ERROR and json.loads(failed.meta)["message"] == "step exploded on purpose"
    assert worker_process.request(cmd.STEP, 2, payload=struct.pack("<q", 1)).kind == cmd.OK
    assert worker_process.request(cmd.STEP, 1, payload=struct.pack("<q", 0)).kind == cmd.OK


def test_env_calling_exit_does_not_end_the_worker(worker_process):
    worker_process.request(cmd.MAKE, 1, {"id": "GymServerTest/Raising-v0"})
    reply = worker_process.request(cmd.RESET, 1, {"options": {"exit": True}})
    assert reply.kind == cmd.ERROR and json.loads(reply.meta)["type"] == "SystemExit"
    assert worker_process.request(cmd.RESET, 1, {"seed": 2**70}).kind == cmd.OK


def test_missing_gymnasium_is_a_hello_error():
    worker = WorkerProcess([])
    body = json.loads(worker.hello.meta)
    assert worker.hello.kind == cmd.ERROR and body["code"] == "gymnasium_missing"
    assert "pip install gymnasium" in body["message"]
    assert worker.close()[0] == 2


def test_failed_import_is_a_hello_error():
    worker = WorkerProcess(BACKEND_PATH, ["--import", "no_such_module_anywhere"])
    body = json.loads(worker.hello.meta)
    assert worker.hello.kind == cmd.ERROR and body["code"] == "import_failed"
    assert "no_such_module_anywhere" in body["message"]
    assert worker.close()[0] == 2


@fake_only
def test_old_gym_fallback_serves_gymnasium_shapes():
    worker = WorkerProcess([FAKEOLDGYM])
    assert json.loads(worker.hello.meta)["backend"] == "gym"
    assert json.loads(worker.request(cmd.LIST).meta) == {"ids": ["Countdown-v0"]}
    made = json.loads(worker.request(cmd.MAKE, 1, {"id": "Countdown-v0"}).meta)
    assert made["observation_space"] == {"type": "Discrete", "n": 10, "start": 0}
    assert worker.request(cmd.RESET, 1, {"seed": 1}).payload.tobytes() == struct.pack("<q", 3)
    reply = worker.request(cmd.STEP, 1, payload=struct.pack("<q", 0))
    assert STEP_RESULT.unpack_from(reply.payload) == (1.0, 0)
    assert worker.close()[0] == 0


def test_garbage_on_stdin_ends_the_worker_with_a_message():
    worker = WorkerProcess(BACKEND_PATH)
    worker.process.stdin.write(b"\xff\xff\xff\xff")
    worker.process.stdin.flush()
    code, stderr = worker.close()
    assert code == 3 and "impossible frame length" in stderr

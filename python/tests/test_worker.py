import json
import struct

import numpy as np
import pytest

import gymserver_testenvs  # noqa: F401  registers the test envs, as --import does
from gymserver_testenvs.compat import MODERN, gym, spaces
from gymserver_worker import commands as cmd
from gymserver_worker.frames import Frame
from gymserver_worker.gymapi import GymApi
from gymserver_worker.worker import STEP_RESULT, Worker


class Harness:
    def __init__(self, allowed=()):
        self.worker = Worker(GymApi.load(), list(allowed))
        self.calls = 0

    def send(self, kind, env=0, meta=None, payload=b""):
        self.calls += 1
        body = json.dumps(meta).encode() if meta is not None else b""
        reply = self.worker.handle(Frame(kind, self.calls, env, body, memoryview(payload)))
        data = b"".join(bytes(memoryview(part).cast("B")) for part in reply.payload)
        return reply.status, json.loads(reply.meta) if reply.meta else {}, data

    def ok(self, kind, env=0, meta=None, payload=b""):
        status, body, data = self.send(kind, env, meta, payload)
        assert status == cmd.OK, body
        return body, data

    def error(self, kind, env=0, meta=None, payload=b""):
        status, body, _ = self.send(kind, env, meta, payload)
        assert status == cmd.ERROR
        return body


def _action(value):
    return struct.pack("<q", value)


@pytest.fixture
def harness():
    harness = Harness(allowed=["gymserver_userenv"])
    yield harness
    harness.worker.close_all()


def test_uses_the_gym_package_on_its_path(harness):
    api = harness.worker.api
    assert (api.name, api.version, api.modern) == (gym.__name__, gym.__version__, MODERN)


def test_image_env_make_reset_step(harness):
    body, _ = harness.ok(cmd.MAKE, 1, {"id": "GymServerTest/Image-v0", "kwargs": {"lives": 5}})
    assert body["observation_space"]["shape"] == [84, 84, 3] and body["observation_space"]["dtype"] == "uint8"
    assert body["action_space"] == {"type": "Discrete", "n": 4, "start": 0}
    assert body["spec"]["id"] == "GymServerTest/Image-v0" and body["spec"]["max_episode_steps"] == 100
    assert body["spec"]["render_modes"] == ["rgb_array"] and body["spec"]["render_fps"] == 30
    info, observation = harness.ok(cmd.RESET, 1, {"seed": 42})
    # Old gym's reset returns the observation alone: the worker sends an empty info.
    assert info == ({"lives": 5} if MODERN else {}) and len(observation) == 84 * 84 * 3
    info2, observation2 = harness.ok(cmd.RESET, 1, {"seed": 42})
    assert observation2 == observation
    info, data = harness.ok(cmd.STEP, 1, payload=_action(3))
    reward, flags = STEP_RESULT.unpack_from(data)
    assert reward == 1.5 and flags == 0 and len(data) == STEP_RESULT.size + 84 * 84 * 3
    assert info["step"] == 1 and info["lives"] == 5 and isinstance(info["mean"], float)


def test_dict_env_values_cross_intact(harness):
    body, _ = harness.ok(cmd.MAKE, 2, {"id": "GymServerTest/Dict-v0"})
    assert list(body["observation_space"]["spaces"]) == ["flags", "grid", "mode", "position"]
    assert [s["type"] for s in body["action_space"]["spaces"]] == ["Discrete", "Box", "MultiDiscrete"]
    info, observation = harness.ok(cmd.RESET, 2, {"seed": 1, "options": {"start": 0.25}})
    assert info == ({"options": {"start": 0.25}} if MODERN else {})
    assert len(observation) == 3 + 32 + 8 + 8
    assert np.frombuffer(observation[-8:], "<f4").tolist() == [0.25, 0.25]
    action = _action(1) + struct.pack("<d", 1.0) + struct.pack("<qq", 2, 3)
    info, data = harness.ok(cmd.STEP, 2, payload=action)
    reward, flags = STEP_RESULT.unpack_from(data)
    assert reward == 100 + 1.0 + 20 + 3 and flags == 1
    assert info == {"pair": [2, 3], "nan": "nan", "inf": "inf", "nested": {"1": [2, "x"]}}


def test_integer_rewards_are_flagged(harness):
    harness.ok(cmd.MAKE, 3, {"id": "GymServerTest/Raising-v0"})
    harness.ok(cmd.RESET, 3)
    _, data = harness.ok(cmd.STEP, 3, payload=_action(0))
    assert STEP_RESULT.unpack_from(data) == (1.0, 4)


def test_raising_step_is_an_error_reply_and_the_env_goes_on(harness):
    harness.ok(cmd.MAKE, 3, {"id": "GymServerTest/Raising-v0"})
    harness.ok(cmd.RESET, 3)
    error = harness.error(cmd.STEP, 3, payload=_action(1))
    assert error["code"] == "env_error" and error["type"] == "RuntimeError"
    assert error["message"] == "step exploded on purpose"
    assert "Traceback" in error["traceback"] and "misbehaving.py" in error["traceback"]
    harness.ok(cmd.STEP, 3, payload=_action(0))


@pytest.mark.parametrize(("meta", "code", "text"), [
    ({"id": "GymServerTest/Imag-v0"}, "unknown_env", "Imag"),
    ({"id": "GymServerTest/Image-v0", "kwargs": {"colour": 1}}, "invalid_argument", "colour"),
    ({"id": "GymServerTest/Raising-v0", "kwargs": {"fail_make": True}}, "env_error", "make failed on purpose"),
    ({"id": "GymServerTest/Raising-v0", "kwargs": {"fail_make": "bad call"}}, "env_error", "colour"),
    pytest.param({"id": "GymServerTest/TextObs-v0"}, "unsupported_space", "Text",
                 marks=pytest.mark.skipif(not hasattr(spaces, "Text"), reason="this gym has no Text space")),
    ({"id": "os:Evil-v0"}, "forbidden_env", "'os'"),
    ({"kwargs": {}}, "invalid_argument", "needs an id"),
])
def test_make_failures_are_classified(harness, meta, code, text):
    error = harness.error(cmd.MAKE, 4, meta)
    assert error["code"] == code and text in error["message"]
    assert 4 not in harness.worker.envs


def test_allowed_module_id_imports_and_makes(harness):
    body, _ = harness.ok(cmd.MAKE, 5, {"id": "gymserver_userenv:UserEnv-v0"})
    assert body["observation_space"] == {"type": "Discrete", "n": 1000, "start": 0}


def test_step_before_reset_is_reset_needed(harness):
    harness.ok(cmd.MAKE, 6, {"id": "CartPole-v1"})
    assert harness.error(cmd.STEP, 6, payload=_action(0))["code"] == "reset_needed"


@pytest.mark.parametrize(("meta", "payload", "kind"), [
    ({"seed": -1}, b"", cmd.RESET),
    ({"seed": True}, b"", cmd.RESET),
    ({"options": [1]}, b"", cmd.RESET),
    (None, b"\x00" * 7, cmd.STEP),
    ({"space": "reward"}, b"", cmd.SAMPLE),
])
def test_bad_arguments_are_invalid_argument(harness, meta, payload, kind):
    harness.ok(cmd.MAKE, 7, {"id": "CartPole-v1"})
    harness.ok(cmd.RESET, 7)
    assert harness.error(kind, 7, meta, payload)["code"] == "invalid_argument"


def test_unknown_handle_and_command(harness):
    assert "no env with handle 99" in harness.error(cmd.RESET, 99)["message"]
    assert harness.error(77)["code"] == "protocol_error"
    status, body, _ = harness.send(cmd.RESET, 99, None, b"")
    assert status == cmd.ERROR


def test_handle_in_use_is_refused(harness):
    harness.ok(cmd.MAKE, 8, {"id": "CartPole-v1"})
    assert "already in use" in harness.error(cmd.MAKE, 8, {"id": "CartPole-v1"})["message"]


def test_sample_is_seeded_and_sized(harness):
    harness.ok(cmd.MAKE, 9, {"id": "GymServerTest/Dict-v0"})
    _, first = harness.ok(cmd.SAMPLE, 9, {"space": "observation", "seed": 3})
    _, again = harness.ok(cmd.SAMPLE, 9, {"space": "observation", "seed": 3})
    _, action = harness.ok(cmd.SAMPLE, 9)
    assert first == again and len(first) == 51 and len(action) == 8 + 8 + 16


def test_render_array_text_and_none(harness):
    harness.ok(cmd.MAKE, 10, {"id": "GymServerTest/Image-v0", "render_mode": "rgb_array"})
    harness.ok(cmd.RESET, 10, {"seed": 0})
    body, frame = harness.ok(cmd.RENDER, 10)
    assert body == {"kind": "array", "dtype": "uint8", "shape": [42, 42, 3]} and len(frame) == 42 * 42 * 3
    harness.ok(cmd.MAKE, 11, {"id": "GymServerTest/Dict-v0", "render_mode": "ansi"})
    harness.ok(cmd.RESET, 11, {"options": {"start": 0.5}})
    assert harness.ok(cmd.RENDER, 11)[0] == {"kind": "text", "text": "position=[0.5, 0.5]\n"}
    harness.ok(cmd.MAKE, 12, {"id": "GymServerTest/Raising-v0"})
    harness.ok(cmd.RESET, 12)  # Gymnasium refuses to render before the first reset
    assert harness.ok(cmd.RENDER, 12)[0] == {"kind": "none"}


def test_spaces_close_and_list(harness):
    harness.ok(cmd.MAKE, 13, {"id": "CartPole-v1"})
    body, _ = harness.ok(cmd.SPACES, 13)
    assert body["observation_space"]["shape"] == [4] and body["action_space"]["n"] == 2
    harness.ok(cmd.CLOSE, 13)
    assert 13 not in harness.worker.envs
    assert harness.error(cmd.CLOSE, 13)["code"] == "invalid_argument"
    ids = harness.ok(cmd.LIST)[0]["ids"]
    assert "CartPole-v1" in ids and "GymServerTest/Image-v0" in ids


def test_recording_remakes_an_env_with_rgb_array_frames(harness):
    """The server's path for recording an env made without render_mode: make it again with rgb_array, close the old."""
    harness.ok(cmd.MAKE, 30, {"id": "CartPole-v1"})
    harness.ok(cmd.RESET, 30, {"seed": 1})
    harness.ok(cmd.MAKE, 31, {"id": "CartPole-v1", "render_mode": "rgb_array"})
    harness.ok(cmd.CLOSE, 30)
    # The new env starts without state: it must be reset before it steps, as after gym's Monitor wrapped an env.
    assert harness.error(cmd.STEP, 31, payload=_action(1))["code"] == "reset_needed"
    harness.ok(cmd.RESET, 31, {"seed": 1})
    body, frame = harness.ok(cmd.RENDER, 31)
    height, width, channels = body["shape"]  # 400x600 from Gymnasium's CartPole, 40x60 from fakegym's
    assert body["kind"] == "array" and body["dtype"] == "uint8" and channels == 3
    pixels = np.frombuffer(frame, dtype=np.uint8).reshape(height, width, 3)
    # White sky in the corner, the black cart below it.
    assert pixels[0, 0].tolist() == [255, 255, 255] and (pixels[height // 2:] == 0).all(axis=2).any()
    harness.ok(cmd.STEP, 31, payload=_action(1))
    assert len(harness.ok(cmd.RENDER, 31)[1]) == height * width * 3


def test_episodes_end_terminated_or_truncated_by_the_time_limit(harness):
    harness.ok(cmd.MAKE, 40, {"id": "GymServerTest/Countdown-v0"})
    harness.ok(cmd.RESET, 40, {"seed": 0})
    flags = [STEP_RESULT.unpack_from(harness.ok(cmd.STEP, 40, payload=_action(0))[1])[1] for _ in range(3)]
    assert flags == [0, 0, 1]
    harness.ok(cmd.RESET, 40)
    # Holding the count: the 5-step TimeLimit cuts the episode (old gym says so in its info, not in a flag).
    flags = [STEP_RESULT.unpack_from(harness.ok(cmd.STEP, 40, payload=_action(1))[1])[1] for _ in range(5)]
    assert flags == [0, 0, 0, 0, 2]


@pytest.mark.parametrize("size", ["3", -1])
def test_a_space_refusing_its_arguments_at_make_is_an_env_error(harness, size):
    """Gymnasium 1.4 raises TypeError/ValueError where earlier versions asserted: the code is the same for all."""
    error = harness.error(cmd.MAKE, 41, {"id": "GymServerTest/Countdown-v0", "kwargs": {"size": size}})
    assert error["code"] == "env_error" and error["type"] in ("AssertionError", "TypeError", "ValueError")


def test_an_action_the_env_refuses_is_an_error_and_the_env_steps_on(harness):
    harness.ok(cmd.MAKE, 42, {"id": "CartPole-v1"})
    harness.ok(cmd.RESET, 42, {"seed": 0})
    error = harness.error(cmd.STEP, 42, payload=_action(2))
    assert error["code"] == "env_error" and "2" in error["message"]
    harness.ok(cmd.STEP, 42, payload=_action(1))


def test_a_deprecated_id_is_unknown_env_naming_its_successor(harness):
    # The test package registers only GymServerTest/Replaced-v1; Gymnasium 1.3+ treats Taxi-v3 the same way.
    error = harness.error(cmd.MAKE, 43, {"id": "GymServerTest/Replaced-v0"})
    assert error["code"] == "unknown_env" and error["type"] == "DeprecatedEnv"
    assert "GymServerTest/Replaced-v1" in error["message"]


def test_reset_options_reach_the_env(harness):
    harness.ok(cmd.MAKE, 44, {"id": "GymServerTest/Countdown-v0"})
    _, observation = harness.ok(cmd.RESET, 44, {"options": {"start": 1}})
    assert observation == _action(1)
    assert STEP_RESULT.unpack_from(harness.ok(cmd.STEP, 44, payload=_action(0))[1])[1] == 1


def test_reset_options_for_an_env_that_takes_none_follow_the_installed_api(harness):
    """Gymnasium (and gym 0.26) pass options to every env's reset; gym 0.21's envs take none and the worker says so."""
    harness.ok(cmd.MAKE, 45, {"id": "CartPole-v1"})
    if MODERN:
        _, observation = harness.ok(cmd.RESET, 45, {"options": {"start": 1}})
        assert len(observation) == 4 * 4
    else:
        error = harness.error(cmd.RESET, 45, {"options": {"start": 1}})
        assert error["code"] == "invalid_argument" and "takes no options" in error["message"]


def test_kwargs_clashing_with_makes_own_arguments_are_invalid_argument(harness):
    error = harness.error(cmd.MAKE, 46, {"id": "CartPole-v1", "kwargs": {"id": "Other-v0"}})
    assert error["code"] == "invalid_argument" and "'id'" in error["message"]

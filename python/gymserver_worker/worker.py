"""The worker's env table and its commands: each request frame in, one reply out."""

from __future__ import annotations

import json
import struct
import sys
import traceback
from typing import Any, Callable, Dict, List, Optional, Tuple

import numpy as np

from . import batch
from . import commands as cmd
from . import wrappers as wrapping
from .commands import RequestError
from .frames import Frame
from .gymapi import GymApi, error_code
from .jsonsafe import dumps
from .replies import Reply, error_reply
from .shared import OBSERVATION, USES, SharedSlot
from .spaces import Codec, codec_for, describe

STEP_RESULT = struct.Struct("<dB")
"""reward (float64) and flags: bit 0 terminated, bit 1 truncated, bit 2 the reward was an integer."""

TERMINATED, TRUNCATED, INTEGER_REWARD = 1, 2, 4


class HostedEnv:
    """One env of the table and what the worker keeps beside it."""

    __slots__ = ("action", "env", "frame_slot", "observation", "observation_slot", "render_mode", "was_reset")

    def __init__(self, env: Any, observation: Codec, action: Codec, render_mode: Optional[str]) -> None:
        self.env = env
        self.observation = observation
        self.action = action
        self.render_mode = render_mode
        # Gymnasium's OrderEnforcing refuses a step before the first reset; gym 0.21's TimeLimit only asserts.
        self.was_reset = False
        # Shared memory the server attached: observations (then never in a reply's payload) and rendered frames.
        self.observation_slot: Optional[SharedSlot] = None
        self.frame_slot: Optional[SharedSlot] = None

    def send_observation(self, observation: Any, payload: List[Any]) -> None:
        """The observation into its slot when it has one, else onto the reply's payload."""
        if self.observation_slot is None:
            self.observation.encode(observation, payload)
            return
        parts: List[Any] = []
        self.observation.encode(observation, parts)
        self.observation_slot.write(parts)

    def close(self) -> None:
        """Closes the env, then unmaps its slots (even if close raised)."""
        try:
            self.env.close()
        finally:
            for slot in (self.observation_slot, self.frame_slot):
                if slot is not None:
                    slot.close()
            self.observation_slot = self.frame_slot = None


class Worker:
    """Hosts many envs, keyed by the handle the server chose, and answers commands about them."""

    def __init__(self, api: GymApi, allowed_modules: List[str]) -> None:
        self.api = api
        self.allowed_modules = list(allowed_modules)
        self.envs: Dict[int, HostedEnv] = {}
        self._handlers: Dict[int, Callable[[Frame], Reply]] = {
            cmd.MAKE: self._make, cmd.RESET: self._reset, cmd.STEP: self._step, cmd.SPACES: self._spaces,
            cmd.SAMPLE: self._sample, cmd.RENDER: self._render, cmd.CLOSE: self._close, cmd.LIST: self._list,
            cmd.ATTACH: self._attach, cmd.BATCH: self._batch,
        }

    def handle(self, frame: Frame) -> Reply:
        """Runs one command. Whatever env code raises becomes an error reply; the worker goes on serving."""
        handler = self._handlers.get(frame.kind)
        try:
            if handler is None:
                raise RequestError(cmd.PROTOCOL_ERROR, f"unknown command {frame.kind}")
            return handler(frame)
        except (Exception, SystemExit) as error:  # an env calling sys.exit() must not end the worker either
            code = self.api.make_error_code(error) if frame.kind == cmd.MAKE else error_code(error)
            return error_reply(code, error)

    def close_all(self) -> None:
        """Closes every env, at shutdown; a failing close is reported on stderr and the rest still close."""
        for handle, hosted in list(self.envs.items()):
            try:
                hosted.close()
            except Exception:
                print(f"closing env {handle} failed:\n{traceback.format_exc()}", file=sys.stderr)
        self.envs.clear()

    def _make(self, frame: Frame) -> Reply:
        if frame.env in self.envs:
            raise RequestError(cmd.INVALID_ARGUMENT, f"env handle {frame.env} is already in use")
        meta = _meta(frame.meta)
        env_id = meta.get("id")
        kwargs = meta.get("kwargs") or {}
        render_mode = meta.get("render_mode")
        wrappers = meta.get("wrappers") or []
        if not isinstance(env_id, str) or not env_id:
            raise RequestError(cmd.INVALID_ARGUMENT, "make needs an id")
        if not isinstance(kwargs, dict):
            raise RequestError(cmd.INVALID_ARGUMENT, "kwargs must be a JSON object")
        if render_mode is not None and not isinstance(render_mode, str):
            raise RequestError(cmd.INVALID_ARGUMENT, "render_mode must be a string")
        env = self.api.make(env_id, kwargs, render_mode, self.allowed_modules)
        try:
            env = wrapping.apply(self.api.module, env, wrappers)
            hosted = HostedEnv(env, codec_for(env.observation_space), codec_for(env.action_space), render_mode)
            body = {**_descriptions(env), "spec": _spec(env, env_id)}
        except BaseException:
            env.close()
            raise
        self.envs[frame.env] = hosted
        return Reply(cmd.OK, dumps(body), [])

    def _reset(self, frame: Frame) -> Reply:
        info, payload = self._reset_env(self._hosted(frame), _meta(frame.meta))
        return Reply(cmd.OK, info, payload)

    def _step(self, frame: Frame) -> Reply:
        info, payload = self._step_env(self._hosted(frame), frame.payload)
        return Reply(cmd.OK, info, payload)

    def _batch(self, frame: Frame) -> Reply:
        """Each entry's reset or step in order; an entry that fails gets its error and the others still run."""
        payload: List[Any] = []
        for entry in batch.parse(frame.payload):
            try:
                hosted = self._hosted_handle(entry.handle)
                if entry.op == batch.RESET:
                    info, parts = self._reset_env(hosted, _meta(entry.meta))
                else:
                    info, parts = self._step_env(hosted, entry.action)
            except (Exception, SystemExit) as error:
                failed = error_reply(error_code(error), error)
                payload += (batch.ENTRY_REPLY.pack(cmd.ERROR, len(failed.meta)), failed.meta)
                continue
            payload += (batch.ENTRY_REPLY.pack(cmd.OK, len(info)), info, *parts)
        return Reply(cmd.OK, b"", payload)

    def _reset_env(self, hosted: HostedEnv, meta: Dict[str, Any]) -> Tuple[bytes, List[Any]]:
        """Resets an env: its info's JSON and the reply's payload (the observation, unless it went to its slot)."""
        seed = meta.get("seed")
        options = meta.get("options")
        if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int) or seed < 0):
            raise RequestError(cmd.INVALID_ARGUMENT, f"seed must be a non-negative integer, got {seed!r}")
        if options is not None and not isinstance(options, dict):
            raise RequestError(cmd.INVALID_ARGUMENT, "options must be a JSON object")
        observation, info = self.api.reset(hosted.env, seed, options)
        hosted.was_reset = True
        payload: List[Any] = []
        hosted.send_observation(observation, payload)
        return dumps(info), payload

    def _step_env(self, hosted: HostedEnv, action_bytes: memoryview) -> Tuple[bytes, List[Any]]:
        """Steps an env: its info's JSON and the reply's payload (reward and flags, then the observation unless it
        went to its slot)."""
        if not hosted.was_reset:
            raise RequestError(cmd.RESET_NEEDED, "cannot step an env before its first reset")
        if len(action_bytes) != hosted.action.size:
            message = f"action has {len(action_bytes)} bytes, expected {hosted.action.size}"
            raise RequestError(cmd.INVALID_ARGUMENT, message)
        action = hosted.action.decode(action_bytes)
        observation, reward, terminated, truncated, info = self.api.step(hosted.env, action)
        flags = (TERMINATED if terminated else 0) | (TRUNCATED if truncated else 0)
        if isinstance(reward, (int, np.integer)) and not isinstance(reward, bool):
            flags |= INTEGER_REWARD
        payload: List[Any] = [STEP_RESULT.pack(float(reward), flags)]
        hosted.send_observation(observation, payload)
        return dumps(info), payload

    def _spaces(self, frame: Frame) -> Reply:
        return Reply(cmd.OK, dumps(_descriptions(self._hosted(frame).env)), [])

    def _sample(self, frame: Frame) -> Reply:
        hosted = self._hosted(frame)
        meta = _meta(frame.meta)
        which = meta.get("space", "action")
        if which not in ("action", "observation"):
            raise RequestError(cmd.INVALID_ARGUMENT, f"space must be 'action' or 'observation', got {which!r}")
        space = hosted.env.action_space if which == "action" else hosted.env.observation_space
        codec = hosted.action if which == "action" else hosted.observation
        seed = meta.get("seed")
        if seed is not None:
            space.seed(seed)
        payload: List[Any] = []
        codec.encode(space.sample(), payload)
        return Reply(cmd.OK, b"", payload)

    def _render(self, frame: Frame) -> Reply:
        hosted = self._hosted(frame)
        result = self.api.render(hosted.env, hosted.render_mode)
        if result is None:
            return Reply(cmd.OK, dumps({"kind": "none"}), [])
        if isinstance(result, str):
            return Reply(cmd.OK, dumps({"kind": "text", "text": result}), [])
        frames = np.asarray(result)  # a list of frames (rgb_array_list) stacks into one array
        if frames.dtype.kind not in "biuf":
            raise RequestError(cmd.ENV_ERROR, f"render returned {type(result).__name__} of dtype {frames.dtype}")
        frames = np.ascontiguousarray(frames, dtype=frames.dtype.newbyteorder("<"))
        body: Dict[str, Any] = {"kind": "array", "dtype": frames.dtype.name, "shape": list(frames.shape)}
        slot = hosted.frame_slot
        if slot is not None and slot.size == frames.nbytes:
            slot.write([frames])
            body["shared"] = True
            return Reply(cmd.OK, dumps(body), [])
        return Reply(cmd.OK, dumps(body), [frames])

    def _close(self, frame: Frame) -> Reply:
        hosted = self._hosted(frame)
        del self.envs[frame.env]
        hosted.close()
        return Reply(cmd.OK, b"", [])

    def _attach(self, frame: Frame) -> Reply:
        hosted = self._hosted(frame)
        meta = _meta(frame.meta)
        path, size, use = meta.get("path"), meta.get("bytes"), meta.get("use")
        if not isinstance(path, str) or not path:
            raise RequestError(cmd.INVALID_ARGUMENT, "attach needs the path of a shared memory file")
        if isinstance(size, bool) or not isinstance(size, int) or size < 1:
            raise RequestError(cmd.INVALID_ARGUMENT, f"attach needs a positive size in bytes, got {size!r}")
        if use not in USES:
            raise RequestError(cmd.INVALID_ARGUMENT, f"use must be one of {', '.join(USES)}, got {use!r}")
        if use == OBSERVATION and size != hosted.observation.size:
            message = f"an observation slot must have the observation's {hosted.observation.size} bytes, not {size}"
            raise RequestError(cmd.INVALID_ARGUMENT, message)
        if (hosted.observation_slot if use == OBSERVATION else hosted.frame_slot) is not None:
            raise RequestError(cmd.INVALID_ARGUMENT, f"env {frame.env} already has a {use} slot")
        slot = SharedSlot(path, size)
        if use == OBSERVATION:
            hosted.observation_slot = slot
        else:
            hosted.frame_slot = slot
        return Reply(cmd.OK, b"", [])

    def _list(self, frame: Frame) -> Reply:
        return Reply(cmd.OK, dumps({"ids": self.api.ids()}), [])

    def _hosted(self, frame: Frame) -> HostedEnv:
        return self._hosted_handle(frame.env)

    def _hosted_handle(self, handle: int) -> HostedEnv:
        hosted = self.envs.get(handle)
        if hosted is None:
            raise RequestError(cmd.INVALID_ARGUMENT, f"no env with handle {handle} on this worker")
        return hosted


def _meta(raw: bytes) -> Dict[str, Any]:
    if not raw:
        return {}
    try:
        meta = json.loads(raw)
    except ValueError as error:
        raise RequestError(cmd.PROTOCOL_ERROR, f"meta is not JSON: {error}") from error
    if not isinstance(meta, dict):
        raise RequestError(cmd.PROTOCOL_ERROR, "meta must be a JSON object")
    return meta


def _descriptions(env: Any) -> Dict[str, Any]:
    return {"observation_space": describe(env.observation_space), "action_space": describe(env.action_space)}


def _spec(env: Any, env_id: str) -> Dict[str, Any]:
    spec = getattr(env, "spec", None)
    metadata = getattr(env, "metadata", None) or {}
    # gym before 0.26 spelled the metadata keys "render.modes" and "video.frames_per_second".
    render_modes = metadata.get("render_modes", metadata.get("render.modes", []))
    return {
        "id": getattr(spec, "id", None) or env_id,
        "max_episode_steps": getattr(spec, "max_episode_steps", None),
        "reward_threshold": getattr(spec, "reward_threshold", None),
        "nondeterministic": bool(getattr(spec, "nondeterministic", False)),
        "render_fps": metadata.get("render_fps", metadata.get("video.frames_per_second")),
        "render_modes": list(render_modes),
    }

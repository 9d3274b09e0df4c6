"""RemoteVectorEnv: a gymnasium.vector.VectorEnv whose sub-envs run on a GymServer."""

from __future__ import annotations

import json
import struct
from typing import Any, Optional

import numpy as np
from gymnasium import spaces
from gymnasium.vector import VectorEnv
from gymnasium.vector.utils import batch_space

from gymserver_client.client import GymClient, make_on
from gymserver_client import frames
from gymserver_client.connection import Tls
from gymserver_client.errors import BAD_REPLY, GymServerError
from gymserver_client.spaces import (
    batch_from_jsonable,
    from_bytes,
    from_jsonable,
    is_leaf,
    leaf_layout,
    raw_size,
    space_from_description,
    to_bytes,
    to_jsonable,
)

try:  # Gymnasium >= 1.1 names the autoreset mode; the server's is next-step either way.
    from gymnasium.vector import AutoresetMode

    _NEXT_STEP: Any = AutoresetMode.NEXT_STEP
except ImportError:  # pragma: no cover
    _NEXT_STEP = "NextStep"


def batch(space: spaces.Space, values: list) -> Any:
    """Stacks single values into the batched form Gymnasium's vector envs return."""
    if isinstance(space, spaces.Tuple):
        return tuple(batch(s, [v[i] for v in values]) for i, s in enumerate(space.spaces))
    if isinstance(space, spaces.Dict):
        return {key: batch(s, [v[key] for v in values]) for key, s in space.spaces.items()}
    return np.stack([np.asarray(v, dtype=space.dtype) for v in values])


def unbatch(space: spaces.Space, actions: Any, count: int) -> list:
    """Splits batched actions (an array, or tuples / dicts of arrays) into one action per sub-env."""
    if isinstance(space, spaces.Tuple):
        parts = [unbatch(s, actions[i], count) for i, s in enumerate(space.spaces)]
        return [tuple(p[j] for p in parts) for j in range(count)]
    if isinstance(space, spaces.Dict):
        parts = {key: unbatch(s, actions[key], count) for key, s in space.spaces.items()}
        return [{key: parts[key][j] for key in parts} for j in range(count)]
    if len(actions) != count:
        raise ValueError(f"{len(actions)} action(s) for {count} sub-env(s)")
    return list(actions)


def merge_infos(infos: list[dict]) -> dict:
    """Gymnasium's vector info form: each key maps to an array over sub-envs, with a ``_key`` mask of presence."""
    merged: dict[str, Any] = {}
    if not any(infos):
        return merged
    count = len(infos)
    for key in dict.fromkeys(k for info in infos for k in info):
        present = np.array([key in info for info in infos])
        values = [info.get(key) for info in infos]
        known = [v for v in values if v is not None]
        if known and all(isinstance(v, dict) for v in known):
            merged[key] = merge_infos([v if isinstance(v, dict) else {} for v in values])
        elif known and all(isinstance(v, (bool, int, float)) for v in known):
            dtype = bool if all(isinstance(v, bool) for v in known) else (
                np.int64 if all(isinstance(v, int) for v in known) else np.float64)
            merged[key] = np.array([v if v is not None else 0 for v in values], dtype=dtype)
        else:
            array = np.empty(count, dtype=object)
            array[:] = values
            merged[key] = array
        merged["_" + key] = present
    return merged


class RemoteVectorEnv(VectorEnv):
    """``num_envs`` copies of one env on a GymServer, reset and stepped together (next-step autoreset).

    Args:
        env_id: a Gymnasium id, as for RemoteEnv.
        num_envs: the number of sub-envs (1 to 4096).
        host: the server's address, when no client is given.
        port: its TCP port, when no client is given.
        client: a GymClient to share; else the vector env opens and owns one.
        binary: for a connection it opens, as GymClient's: None (binary frames when the server offers them), True
            or False (docs/protocol.md, "Binary encoding").
        timeout: seconds a request may take, for a connection it opens.
        tls, server_hostname: TLS for a connection it opens, as for GymClient.
        **kwargs: keyword arguments of every sub-env's constructor.
    """

    metadata = {"autoreset_mode": _NEXT_STEP}

    def __init__(self, env_id: str, num_envs: int, host: str = "127.0.0.1", port: int = 4040, *,
                 client: Optional[GymClient] = None, binary: Optional[bool] = None, timeout: Optional[float] = 60.0,
                 tls: Tls = None, server_hostname: Optional[str] = None, wrappers: Optional[list] = None,
                 **kwargs: Any):
        self.client, self._owns_client, reply = make_on(
            client, lambda: GymClient(host, port, timeout, binary=binary, tls=tls, server_hostname=server_hostname),
            lambda on: on.make_vec(env_id, num_envs, kwargs or None, wrappers))
        self.instance: str = reply["instance"]
        self.env_id: str = reply["id"]
        self.backend: str = reply["backend"]
        self.num_envs = int(reply["num_envs"])
        self.single_observation_space = space_from_description(reply["single_observation_space"])
        self.single_action_space = space_from_description(reply["single_action_space"])
        self.observation_space = batch_space(self.single_observation_space, self.num_envs)
        self.action_space = batch_space(self.single_action_space, self.num_envs)
        self.render_mode = None
        self.closed = False
        self._observation_size = raw_size(self.single_observation_space)
        # Leaf spaces (Box, Discrete, ...) go through numpy a whole batch at a time; Tuple and Dict part by part.
        self._observation_layout = leaf_layout(self.single_observation_space)
        self._action_layout = leaf_layout(self.single_action_space)
        self._instance_bytes = self.instance.encode("ascii")

    @property
    def binary(self) -> bool:
        """Whether steps travel as binary frames."""
        return self.client.binary

    def reset(self, *, seed: Optional[int] = None, options: Optional[dict] = None) -> tuple[Any, dict]:
        """Resets every sub-env; with a seed s, sub-env i gets s + i. Returns (observations, infos)."""
        if seed is not None and not isinstance(seed, (int, np.integer)):
            raise TypeError("seed must be an int or None (sub-env i gets seed + i)")
        seed = None if seed is None else int(seed)
        if self.client.binary:
            body = self.client.connection.frame(frames.RESET_VEC_REQUEST,
                                                frames.reset_payload(self._instance_bytes, seed, options, "reset_vec"))
            raw, infos = frames.read_reset_vec(body, self.num_envs, self._observation_size)
            return self._observations_from_bytes(raw), merge_infos(infos)
        reply = self.client.call("reset_vec", instance=self.instance, seed=seed, options=options)
        return self._observations_from_json(reply["observations"]), merge_infos(reply["infos"])

    def _observations_from_bytes(self, raw: memoryview) -> Any:
        space, n, size = self.single_observation_space, self.num_envs, self._observation_size
        if self._observation_layout is not None:
            return self._observation_layout.read_batch(raw, n)
        return batch(space, [from_bytes(space, raw[i * size:]) for i in range(n)])

    def _observations_from_json(self, observations: list) -> Any:
        space = self.single_observation_space
        if is_leaf(space):
            return batch_from_jsonable(space, observations)
        return batch(space, [from_jsonable(space, o) for o in observations])

    def step(self, actions: Any) -> tuple[Any, np.ndarray, np.ndarray, np.ndarray, dict]:
        """Steps every sub-env: (observations, rewards, terminations, truncations, infos), batched."""
        observations, rewards, terminated, truncated, infos = self._step(actions)
        return observations, rewards, terminated, truncated, merge_infos(infos)

    def step_raw(self, actions: Any) -> tuple[Any, np.ndarray, np.ndarray, np.ndarray, list[dict]]:
        """Like step, with the server's list of infos (one dict per sub-env) instead of Gymnasium's merged form."""
        return self._step(actions)

    def _step(self, actions: Any):
        if self.client.binary:
            return self._step_binary(actions)
        return self._step_json(unbatch(self.single_action_space, actions, self.num_envs))

    def _step_json(self, actions: list):
        reply = self.client.call("step_vec", instance=self.instance,
                                 actions=[to_jsonable(self.single_action_space, a) for a in actions])
        return (self._observations_from_json(reply["observations"]), np.asarray(reply["rewards"], dtype=np.float64),
                np.asarray(reply["terminated"], bool), np.asarray(reply["truncated"], bool), reply["infos"])

    def _step_binary(self, actions: Any):
        action_space, n = self.single_action_space, self.num_envs
        encoded = self._action_layout.write_batch(actions, n) if self._action_layout is not None else b"".join(
            to_bytes(action_space, a) for a in unbatch(action_space, actions, n))
        payload = bytes([len(self._instance_bytes)]) + self._instance_bytes + encoded
        body = self.client.connection.frame(frames.STEP_VEC_REQUEST, payload)
        count, size = struct.unpack_from("<II", body)
        if count != n or size != self._observation_size or len(body) < 12 + n * (size + 10):
            raise GymServerError(BAD_REPLY, f"step_vec reply for {count} env(s) of {size}-byte observations")
        offset = 8
        observations = self._observations_from_bytes(body[offset:offset + n * size])
        offset += n * size
        # Views of the reply where the layout allows, and one comparison for both flag arrays: after the kernel has
        # copied a batch of frames through the cache, each numpy call here costs a few microseconds, not a fraction.
        rewards = np.frombuffer(body, dtype="<f8", count=n, offset=offset).astype(np.float64, copy=False)
        offset += 8 * n
        flags = np.frombuffer(body, dtype=np.uint8, count=2 * n, offset=offset) != 0
        terminated, truncated = flags[:n], flags[n:]
        offset += 2 * n
        (info_length,) = struct.unpack_from("<I", body, offset)
        infos = json.loads(bytes(body[offset + 4:offset + 4 + info_length])) if info_length else [{} for _ in range(n)]
        return observations, rewards, terminated, truncated, infos

    def close_extras(self, **kwargs: Any) -> None:
        """Closes every sub-env on the server, and the connection if the vector env opened it."""
        try:
            self.client.call("close", instance=self.instance)
        finally:
            if self._owns_client:
                self.client.close()

    def close(self, **kwargs: Any) -> None:
        """Gymnasium's close: once, then nothing."""
        if self.closed:
            return
        self.closed = True
        self.close_extras(**kwargs)

    def __repr__(self) -> str:
        return f"RemoteVectorEnv({self.env_id!r}, num_envs={self.num_envs}, instance={self.instance!r})"

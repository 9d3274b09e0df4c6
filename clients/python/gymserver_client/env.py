"""RemoteEnv: a gymnasium.Env whose env runs on a GymServer."""

from __future__ import annotations

from typing import Any, Optional, SupportsFloat

import gymnasium

from gymserver_client.client import GymClient, make_on
from gymserver_client.connection import Tls
from gymserver_client import frames
from gymserver_client.errors import BAD_REPLY, GymServerError
from gymserver_client.spaces import from_bytes, from_jsonable, raw_size, space_from_description, to_bytes, to_jsonable


class RemoteEnv(gymnasium.Env):
    """An env made on a GymServer, usable wherever a ``gymnasium.Env`` is (wrappers, training loops).

    Args:
        env_id: a Gymnasium id, optionally with a backend prefix (``native:CartPole-v1``, ``python:ALE/Pong-v5``).
        host: the server's address, when no client is given.
        port: its TCP port, when no client is given.
        client: a GymClient to share (several envs on one connection); else the env opens and owns one.
        timeout: seconds a request may take, for a connection the env opens.
        tls, server_hostname: TLS for a connection the env opens, as for GymClient.
        render_mode: passed to ``gymnasium.make`` on the server (native envs take none).
        **kwargs: keyword arguments of the env's constructor (``map_name="8x8"``, ``is_slippery=False``).

    Raises:
        GymServerError: the server refused (``unknown_env``, ``invalid_argument``, ...) or cannot be reached.
    """

    metadata = {"render_modes": []}

    def __init__(self, env_id: str, host: str = "127.0.0.1", port: int = 4040, *, client: Optional[GymClient] = None,
                 timeout: Optional[float] = 60.0, tls: Tls = None, server_hostname: Optional[str] = None,
                 render_mode: Optional[str] = None, wrappers: Optional[list] = None, **kwargs: Any):
        self.client, self._owns_client, reply = make_on(
            client, lambda: GymClient(host, port, timeout, tls=tls, server_hostname=server_hostname),
            lambda on: on.make(env_id, kwargs or None, render_mode, wrappers))
        self.instance: str = reply["instance"]
        self.env_id: str = reply["id"]
        self.backend: str = reply["backend"]
        self.render_mode = render_mode
        self.observation_space = space_from_description(reply["observation_space"])
        self.action_space = space_from_description(reply["action_space"])
        self._closed = False
        self._prefix = frames.with_instance(self.instance.encode("ascii"))
        self._observation_size = raw_size(self.observation_space)
        self._action_size = raw_size(self.action_space)

    @property
    def binary(self) -> bool:
        """Whether reset, step and sample travel as binary frames (the client's connection speaks them)."""
        return self.client.binary

    def reset(self, *, seed: Optional[int] = None, options: Optional[dict] = None) -> tuple[Any, dict]:
        """Gymnasium's reset: with a seed the server reseeds the env (Gymnasium's trajectory, to the bit)."""
        seed = None if seed is None else int(seed)
        if self.client.binary:
            body = self.client.connection.frame(frames.RESET_REQUEST,
                                                frames.reset_payload(self._prefix[1:], seed, options))
            raw, info = frames.read_reset(body)
            observation = self._observation(raw)
        else:
            reply = self.client.call("reset", instance=self.instance, seed=seed, options=options)
            observation, info = from_jsonable(self.observation_space, reply["observation"]), reply["info"]
        # After the server accepted the seed: also seeds self.np_random, as Gymnasium's Env.reset does.
        super().reset(seed=seed)
        return observation, info

    def step(self, action: Any) -> tuple[Any, SupportsFloat, bool, bool, dict]:
        """Gymnasium's step: (observation, reward, terminated, truncated, info)."""
        if self.client.binary:
            body = self.client.connection.frame(frames.STEP_REQUEST, self._prefix + to_bytes(self.action_space, action))
            raw, reward, terminated, truncated, info = frames.read_step(body)
            return self._observation(raw), reward, terminated, truncated, info
        reply = self.client.call("step", instance=self.instance, action=to_jsonable(self.action_space, action))
        return (from_jsonable(self.observation_space, reply["observation"]), reply["reward"],
                reply["terminated"], reply["truncated"], reply["info"])

    def sample_action(self) -> Any:
        """An action drawn by the server from the env's own action space generator (Gymnasium's sample)."""
        if self.client.binary:
            raw = frames.read_sample(self.client.connection.frame(frames.SAMPLE_REQUEST, self._prefix))
            return self._value(self.action_space, raw, self._action_size)
        return from_jsonable(self.action_space, self.client.call("sample", instance=self.instance)["sample"])

    def _observation(self, raw: memoryview) -> Any:
        return self._value(self.observation_space, raw, self._observation_size)

    @staticmethod
    def _value(space: Any, raw: memoryview, size: int) -> Any:
        """A value from its raw bytes: a numpy view of the reply's own buffer, not a copy, where the dtypes agree."""
        if len(raw) != size:
            raise GymServerError(BAD_REPLY, f"a value of {len(raw)} bytes for a space of {size}")
        return from_bytes(space, raw)

    def close(self) -> None:
        """Closes the env on the server, and the connection if the env opened it. Closing twice is fine."""
        if self._closed:
            return
        self._closed = True
        try:
            self.client.call("close", instance=self.instance)
        finally:
            if self._owns_client:
                self.client.close()

    def __repr__(self) -> str:
        return f"RemoteEnv({self.env_id!r}, instance={self.instance!r})"

"""An env with a Dict observation and a Tuple action, covering every space kind the worker carries."""

import numpy as np

from gymserver_testenvs.compat import DISCRETE_HAS_START, PortableEnv, render_metadata, spaces


class DictEnv(PortableEnv):
    """Observation: position (Box float32 2), flags (MultiBinary 3), mode (Discrete 3 from 1), grid (MultiDiscrete).

    Action: (Discrete 2, Box float64 1, MultiDiscrete [3, 4]). The reward echoes the action so tests can check that
    it arrived intact.
    """

    metadata = render_metadata(["ansi"])

    def __init__(self, render_mode=None):
        self.observation_space = spaces.Dict({
            "position": spaces.Box(-1.0, 1.0, (2,), np.float32),
            "flags": spaces.MultiBinary(3),
            # 1, 2 or 3; gym 0.21's Discrete has no start, so there it is 0 to 3 (0 never observed).
            "mode": spaces.Discrete(3, start=1) if DISCRETE_HAS_START else spaces.Discrete(4),
            "grid": spaces.MultiDiscrete([[2, 3], [4, 5]]),
        })
        self.action_space = spaces.Tuple((
            spaces.Discrete(2), spaces.Box(-np.inf, np.inf, (1,), np.float64), spaces.MultiDiscrete([3, 4])))
        self.render_mode = render_mode
        self.position = np.zeros(2, np.float32)

    def _observation(self):
        return {"position": self.position.copy(), "flags": (self.position > 0).astype(np.int8).tolist() + [1],
                "mode": 1 + int(self.np_random.integers(3)), "grid": np.array([[1, 2], [3, 4]])}

    def begin(self, options):
        start = (options or {}).get("start", 0.0)
        self.position = np.full(2, start, np.float32)
        return self._observation(), {"options": options or {}}

    def advance(self, action):
        turn, push, pair = action
        self.position = np.clip(self.position + np.float32(push[0]) * (1 if turn else -1), -1, 1).astype(np.float32)
        reward = int(turn) * 100 + float(push[0]) + int(pair[0]) * 10 + int(pair[1])
        info = {"pair": pair, "nan": float("nan"), "inf": np.float32("inf"), "nested": {1: (np.int64(2), "x")}}
        return self._observation(), reward, bool(abs(self.position[0]) >= 1), False, info

    def draw(self):
        return f"position={self.position.tolist()}\n"

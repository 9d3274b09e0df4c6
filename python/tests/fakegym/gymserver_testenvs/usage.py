"""An env that makes its worker stand out on the dashboard: it holds memory from make on and spends CPU in step."""

import time

from gymnasium import spaces
from gymnasium.core import Env


class HogEnv(Env):
    """Holds ``megabytes`` MiB of touched (resident) memory; each step spins the CPU for ``spin_ms`` milliseconds."""

    def __init__(self, megabytes=64, spin_ms=5):
        # Written byte by byte by the repeat, so every page is resident, not merely reserved.
        self.ballast = b"\x01" * (megabytes << 20)
        self.spin = spin_ms / 1000.0
        self.observation_space = spaces.Discrete(2)
        self.action_space = spaces.Discrete(2)

    def reset(self, *, seed=None, options=None):
        super().reset(seed=seed)
        return 0, {}

    def step(self, action):
        end = time.process_time() + self.spin
        while time.process_time() < end:
            pass
        return 0, 0.0, False, False, {}

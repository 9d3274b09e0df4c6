"""The Atari-shaped env of bench/pixels.sh: (210, 160, 3) uint8 frames, Discrete(6), a step as cheap as a step can be.

No emulator: the cost measured is that of moving frames, in-process or through the server. Importing this module
registers ``GymServerBench/AtariShaped-v0`` with Gymnasium; the server's workers import it through
``Gym:Python:Imports``, the in-process side directly, so both step the same class.
"""

import gymnasium
import numpy as np
from gymnasium import spaces

ENV_ID = "GymServerBench/AtariShaped-v0"
HEIGHT, WIDTH = 210, 160
EPISODE_STEPS = 1000
"""Episodes end (terminated) after this many steps, so vector envs autoreset now and then, as Atari games do."""


class AtariShapedEnv(gymnasium.Env):
    """Each step paints one row of the frame with the action's value and returns the frame.

    The frame is one array the env keeps and changes in place (one row a step), which is what makes the step cheap;
    every consumer copies it before the next step (vector envs into their batch, the worker into its slot or pipe).
    """

    metadata = {"render_modes": ["rgb_array"], "render_fps": 60}

    def __init__(self, render_mode=None, height=HEIGHT, width=WIDTH):
        # Smaller frames (bench/wrappers.sh's 1x1 sides) leave an agent step's cost without the bytes of its frames.
        self.observation_space = spaces.Box(0, 255, (height, width, 3), np.uint8)
        self.action_space = spaces.Discrete(6)
        self.render_mode = render_mode
        self._frame = np.zeros((height, width, 3), np.uint8)
        self._steps = 0

    def reset(self, *, seed=None, options=None):
        super().reset(seed=seed)
        self._frame[:] = self.np_random.integers(0, 256, dtype=np.uint8)
        self._steps = 0
        return self._frame, {}

    def step(self, action):
        self._frame[self._steps % len(self._frame)] = int(action) * 40
        self._steps += 1
        return self._frame, float(action == 0), self._steps >= EPISODE_STEPS, False, {}

    def render(self):
        return self._frame


gymnasium.register(id=ENV_ID, entry_point=AtariShapedEnv)

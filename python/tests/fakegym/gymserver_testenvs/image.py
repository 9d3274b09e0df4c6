"""An Atari-sized image env: uint8 84x84x3 observations, four actions."""

import numpy as np

from gymserver_testenvs.compat import PortableEnv, render_metadata, spaces

SIZE = 84


class ImageEnv(PortableEnv):
    """Each action paints one quadrant with a value from np_random; frames are the observation, downscaled."""

    metadata = render_metadata(["rgb_array"], fps=30)

    def __init__(self, render_mode=None, lives=3):
        self.observation_space = spaces.Box(0, 255, (SIZE, SIZE, 3), np.uint8)
        self.action_space = spaces.Discrete(4)
        self.render_mode = render_mode
        self.lives = lives
        self.image = np.zeros((SIZE, SIZE, 3), np.uint8)
        self.steps = 0

    def begin(self, options):
        self.image = self.np_random.integers(0, 256, (SIZE, SIZE, 3), dtype=np.uint8)
        self.steps = 0
        return self.image.copy(), {"lives": self.lives}

    def advance(self, action):
        if not self.action_space.contains(action):
            raise ValueError(f"action {action!r} is not in {self.action_space}")
        half = SIZE // 2
        row, column = divmod(int(action), 2)
        self.image[row * half:(row + 1) * half, column * half:(column + 1) * half] = self.np_random.integers(256)
        self.steps += 1
        info = {"lives": self.lives, "step": self.steps, "mean": np.float32(self.image.mean())}
        return self.image.copy(), float(action) * 0.5, self.steps >= 50, False, info

    def draw(self):
        return np.ascontiguousarray(self.image[::2, ::2])

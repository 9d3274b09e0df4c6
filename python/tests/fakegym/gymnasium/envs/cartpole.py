"""A cart-pole balancing env written for this stand-in (the classic Barto, Sutton and Anderson problem).

Euler integration of the cart-pole equations of motion with a 0.02 s step; the episode ends when the pole leans
past 12 degrees or the cart leaves +-2.4. Used by the worker's tests and benchmarks as a small, fast Python env.
"""

import math

import numpy as np

from gymnasium import spaces
from gymnasium.core import Env

GRAVITY = 9.8
CART_MASS = 1.0
POLE_MASS = 0.1
POLE_HALF_LENGTH = 0.5
PUSH_FORCE = 10.0
TIME_STEP = 0.02
ANGLE_LIMIT = 12 * 2 * math.pi / 360
POSITION_LIMIT = 2.4


class CartPoleEnv(Env):
    """Push the cart left (0) or right (1) to keep the pole up; reward 1 per step."""

    metadata = {"render_modes": ["rgb_array"], "render_fps": 50}

    def __init__(self, render_mode=None):
        bound = np.array([POSITION_LIMIT * 2, np.finfo(np.float32).max, ANGLE_LIMIT * 2, np.finfo(np.float32).max],
                         dtype=np.float32)
        self.observation_space = spaces.Box(-bound, bound, dtype=np.float32)
        self.action_space = spaces.Discrete(2)
        self.render_mode = render_mode
        self.state = None

    def reset(self, *, seed=None, options=None):
        super().reset(seed=seed)
        self.state = self.np_random.uniform(low=-0.05, high=0.05, size=(4,))
        return np.array(self.state, dtype=np.float32), {}

    def step(self, action):
        assert self.action_space.contains(action), f"{action!r} ({type(action)}) invalid"  # as Gymnasium's CartPole
        x, x_dot, theta, theta_dot = self.state
        force = PUSH_FORCE if action == 1 else -PUSH_FORCE
        total_mass = CART_MASS + POLE_MASS
        pole_moment = POLE_MASS * POLE_HALF_LENGTH
        cos, sin = math.cos(theta), math.sin(theta)
        temp = (force + pole_moment * theta_dot**2 * sin) / total_mass
        theta_acc = (GRAVITY * sin - cos * temp) / (
            POLE_HALF_LENGTH * (4.0 / 3.0 - POLE_MASS * cos**2 / total_mass))
        x_acc = temp - pole_moment * theta_acc * cos / total_mass
        x, x_dot = x + TIME_STEP * x_dot, x_dot + TIME_STEP * x_acc
        theta, theta_dot = theta + TIME_STEP * theta_dot, theta_dot + TIME_STEP * theta_acc
        self.state = (x, x_dot, theta, theta_dot)
        terminated = abs(x) > POSITION_LIMIT or abs(theta) > ANGLE_LIMIT
        return np.array(self.state, dtype=np.float32), 1.0, bool(terminated), False, {}

    def render(self):
        frame = np.full((40, 60, 3), 255, dtype=np.uint8)
        column = int(np.clip((self.state[0] + POSITION_LIMIT) / (2 * POSITION_LIMIT) * 59, 0, 59))
        frame[20:, column] = (0, 0, 0)
        return frame

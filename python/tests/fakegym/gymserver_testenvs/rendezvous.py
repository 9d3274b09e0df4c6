"""An env whose steps only return once ``parties`` envs are all inside a step: sub-envs of a vector env that step
one after another never get there, and fail; sub-envs stepping in parallel (in different workers) all go on.

The rendezvous is a directory the test gives (``directory``): each step of round r adds a file ``r-<pid>-<id>`` and
waits until ``parties`` files of round r are there, up to ``patience`` seconds.
"""

import os
import time

import numpy as np

from gymserver_testenvs.compat import PortableEnv, spaces

SIZE = 64


class RendezvousEnv(PortableEnv):
    """uint8 64x64 observations (large enough for shared memory) holding the round number; two actions."""

    def __init__(self, directory=".", parties=2, patience=20.0):
        self.observation_space = spaces.Box(0, 255, (SIZE, SIZE), np.uint8)
        self.action_space = spaces.Discrete(2)
        self.directory = directory
        self.parties = parties
        self.patience = patience
        self.round = 0

    def begin(self, options):
        self.round = 0
        return np.zeros((SIZE, SIZE), np.uint8), {}

    def advance(self, action):
        self.round += 1
        prefix = f"{self.round}-"
        open(os.path.join(self.directory, f"{prefix}{os.getpid()}-{id(self)}"), "w").close()
        deadline = time.monotonic() + self.patience
        while sum(name.startswith(prefix) for name in os.listdir(self.directory)) < self.parties:
            if time.monotonic() > deadline:
                raise RuntimeError(f"round {self.round}: the other sub-envs did not step at the same time")
            time.sleep(0.001)
        return np.full((SIZE, SIZE), self.round % 256, np.uint8), 1.0, False, False, {}

"""An env whose episodes end both ways: terminated when the count reaches 0, truncated by its 5-step TimeLimit."""

from gymserver_testenvs.compat import PortableEnv, spaces


class CountdownEnv(PortableEnv):
    """Counts down from 3 (or options["start"]); action 0 counts down, action 1 holds. Reward 1 per step.

    ``size`` is the observation space's n, so a bad one makes the space itself refuse it at make.
    """

    def __init__(self, size=10):
        self.observation_space = spaces.Discrete(size)
        self.action_space = spaces.Discrete(2)
        self.count = 3

    def begin(self, options):
        self.count = int((options or {}).get("start", 3))
        return self.count, {}

    def advance(self, action):
        if action == 0:
            self.count -= 1
        return self.count, 1.0, self.count == 0, False, {}

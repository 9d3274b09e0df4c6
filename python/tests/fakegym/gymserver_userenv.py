"""A users' module reached through a module:Name id (gymserver_userenv:UserEnv-v0); importing it registers the env."""

from gymserver_testenvs.compat import PortableEnv, register, spaces


class UserEnv(PortableEnv):
    """Counts steps; observes the count."""

    def __init__(self):
        self.observation_space = spaces.Discrete(1000)
        self.action_space = spaces.Discrete(2)
        self.count = 0

    def begin(self, options):
        self.count = 0
        return self.count, {}

    def advance(self, action):
        self.count += 1
        return self.count, 1.0, False, False, {}


register(id="UserEnv-v0", entry_point="gymserver_userenv:UserEnv")

"""Envs that fail in the ways the worker must survive: raising, hanging, printing, an unsupported space."""

import os
import sys
import threading

from gymserver_testenvs.compat import PortableEnv, spaces


class RaisingEnv(PortableEnv):
    """Step with action 1 raises; reset with options {"exit": true} calls sys.exit.

    Make with fail_make=True raises RuntimeError; with fail_make="bad call" the env's own code calls a space with a
    keyword it does not take (an env bug, not the caller's: the caller's kwargs fitted); with fail_make="every other",
    every second make of the process raises (a vector env whose sub-envs are partly made).
    """

    makes = 0

    def __init__(self, fail_make=False):
        if fail_make == "bad call":
            spaces.Discrete(2, colour="red")
        if fail_make == "every other":
            RaisingEnv.makes += 1
            fail_make = RaisingEnv.makes % 2 == 0
        if fail_make:
            raise RuntimeError("make failed on purpose")
        self.observation_space = spaces.Discrete(5)
        self.action_space = spaces.Discrete(2)
        self.count = 0

    def begin(self, options):
        if (options or {}).get("exit"):
            sys.exit("env called sys.exit")
        self.count = 0
        return self.count, {}

    def advance(self, action):
        if action == 1:
            raise RuntimeError("step exploded on purpose")
        self.count = (self.count + 1) % 5
        return self.count, 1, False, False, {}


class HangingEnv(PortableEnv):
    """Step with action 1 never returns (until the process is killed); action 0 steps normally."""

    def __init__(self):
        self.observation_space = spaces.Discrete(2)
        self.action_space = spaces.Discrete(2)

    def begin(self, options):
        return 0, {}

    def advance(self, action):
        if action == 1:
            threading.Event().wait()
        return 0, 0.0, False, False, {}


class NoisyEnv(PortableEnv):
    """Prints to stdout from Python and writes to fd 1 directly, as chatty native libraries do; says when closed."""

    def __init__(self):
        print("NoisyEnv: hello from __init__")
        self.observation_space = spaces.Discrete(3)
        self.action_space = spaces.Discrete(3)

    def begin(self, options):
        print("NoisyEnv: reset")
        os.write(1, b"NoisyEnv: raw write to fd 1\n")
        return 0, {}

    def advance(self, action):
        print("NoisyEnv: step", action, flush=True)
        os.write(1, b"\x00\x01\x02\x03 binary noise on fd 1\n")
        return int(action), 0.0, False, False, {}

    def close(self):
        print("NoisyEnv: closed", flush=True)


class TextObservationEnv(PortableEnv):
    """Observes strings: no byte layout exists for them, so the worker must refuse it at make."""

    def __init__(self):
        self.observation_space = spaces.Text(8)
        self.action_space = spaces.Discrete(2)

"""Tabular Q-learning on FrozenLake-v1 (is_slippery=False) through RemoteEnv, then 100 greedy episodes.

Usage: python3 examples/q_learning.py [port]
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
try:
    import gymnasium  # noqa: F401
except ImportError:  # no gymnasium on this machine: use the repository's stand-in (python/tests/fakegym)
    sys.path.insert(1, str(Path(__file__).resolve().parents[3] / "python" / "tests" / "fakegym"))

import numpy as np  # noqa: E402

from gymserver_client import RemoteEnv  # noqa: E402

env = RemoteEnv("FrozenLake-v1", port=int(sys.argv[1]) if len(sys.argv) > 1 else 4040, is_slippery=False)
q = np.zeros((env.observation_space.n, env.action_space.n))
rng = np.random.default_rng(7)


def greedy(state):
    best = np.flatnonzero(q[state] == q[state].max())  # ties broken at random
    return int(rng.choice(best))


for episode in range(1, 2001):
    epsilon = max(0.05, 1 - episode / 1300)
    state, _ = env.reset(seed=0 if episode == 1 else None)
    done = False
    while not done:
        action = int(rng.integers(4)) if rng.random() < epsilon else greedy(state)
        next_state, reward, terminated, truncated, _ = env.step(action)
        q[state, action] += 0.5 * (reward + (0 if terminated else 0.95 * q[next_state].max()) - q[state, action])
        state, done = next_state, terminated or truncated

wins = 0
for _ in range(100):
    state, _ = env.reset()
    done = False
    while not done:
        state, reward, terminated, truncated, _ = env.step(greedy(state))
        done = terminated or truncated
    wins += reward > 0
print(f"greedy policy: {wins}/100 episodes reach the goal")
env.close()

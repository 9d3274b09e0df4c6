"""Records Gymnasium reference episodes for toy-text kwargs the shared conformance set does not cover.

Run from this folder with numpy 1.24 (Debian 12's python3-numpy) and a Gymnasium source tree on PYTHONPATH, once
with each of the two releases the native envs follow:

    PYTHONPATH=/path/to/Gymnasium-1.4.0 /usr/bin/python3 record_variants.py   # every variant but Taxi-v3's
    PYTHONPATH=/path/to/Gymnasium-1.2.2 /usr/bin/python3 record_variants.py   # Taxi-v3's variants

Taxi-v3 cannot be made from Gymnasium 1.3.0 on (it became Taxi-v4, with corrected rain and fickle passenger and two
new kwargs), so its variants keep 1.2.2's behaviour; every other variant is the same under both releases.

Each ``<EnvId>__<variant>.jsonl`` has the shared format (see ../shared/conformance/README.md): a ``spaces``
header, here with the ``kwargs`` given to ``gymnasium.make``, then ``episode`` records with every action,
observation, reward, flag and info.
"""

from __future__ import annotations

import json
import random
import sys
from collections import deque
from typing import Any, Callable

import gymnasium as gym
import numpy as np

SEEDS = [0, 1, 42, 2024, 4294967313]


def plain(value: Any) -> Any:
    """Turns numpy scalars, arrays and tuples into JSON values, keeping Python's int/float kinds."""
    if isinstance(value, np.ndarray):
        return [plain(v) for v in value.tolist()]
    if isinstance(value, (tuple, list)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return float(value)
    return value


def space_json(space: gym.Space) -> dict[str, Any]:
    if isinstance(space, gym.spaces.Discrete):
        return {"type": "Discrete", "n": int(space.n), "start": int(space.start)}
    if isinstance(space, gym.spaces.Tuple):
        return {"type": "Tuple", "spaces": [space_json(s) for s in space.spaces]}
    raise TypeError(space)


def random_policy(env: gym.Env, rng: random.Random) -> Callable[[Any, dict], int]:
    return lambda obs, info: rng.randrange(env.action_space.n)


def cliff_policy(env: gym.Env, rng: random.Random) -> Callable[[Any, dict], int]:
    """Up from the start, right along row 2, down at the end; a random action one time in five."""

    def act(obs: int, info: dict) -> int:
        if rng.random() < 0.2:
            return rng.randrange(4)
        row, col = divmod(obs, 12)
        if col == 11:
            return 2
        return 0 if row == 3 else 1

    return act


def lake_policy(env: gym.Env, rng: random.Random) -> Callable[[Any, dict], int]:
    """The first step of a shortest hole-free path to the goal; a random action one time in four."""
    lake = env.unwrapped
    moves = {0: (0, -1), 1: (1, 0), 2: (0, 1), 3: (-1, 0)}

    def act(obs: int, info: dict) -> int:
        if rng.random() < 0.25:
            return rng.randrange(4)
        start = divmod(obs, lake.ncol)
        first: dict[tuple[int, int], int | None] = {start: None}
        queue = deque([start])
        while queue:
            cell = queue.popleft()
            if lake.desc[cell] == b"G":
                return first[cell] or 0
            for action, (dr, dc) in moves.items():
                nxt = (cell[0] + dr, cell[1] + dc)
                inside = 0 <= nxt[0] < lake.nrow and 0 <= nxt[1] < lake.ncol
                if inside and nxt not in first and lake.desc[nxt] != b"H":
                    first[nxt] = action if first[cell] is None else first[cell]
                    queue.append(nxt)
        return rng.randrange(4)

    return act


def taxi_policy(env: gym.Env, rng: random.Random) -> Callable[[Any, dict], int]:
    """Shortest path to the passenger, then to the destination; a random action one time in ten."""
    taxi = env.unwrapped

    def next_move(start: tuple[int, int], goal: tuple[int, int]) -> int:
        moves = {0: (1, 0), 1: (-1, 0), 2: (0, 1), 3: (0, -1)}
        first: dict[tuple[int, int], int | None] = {start: None}
        queue = deque([start])
        while queue:
            cell = queue.popleft()
            if cell == goal:
                break
            mask = taxi.action_mask(taxi.encode(cell[0], cell[1], 0, 0))
            for action, (dr, dc) in moves.items():
                nxt = (cell[0] + dr, cell[1] + dc)
                if mask[action] and nxt not in first:
                    first[nxt] = action if first[cell] is None else first[cell]
                    queue.append(nxt)
        return first[goal] or 0

    def act(obs: int, info: dict) -> int:
        if rng.random() < 0.1:
            return rng.randrange(6)
        row, col, passenger, destination = taxi.decode(obs)
        target = taxi.locs[passenger] if passenger < 4 else taxi.locs[destination]
        if (row, col) == target:
            return 4 if passenger < 4 else 5
        return next_move((row, col), target)

    return act


def blackjack_policy(env: gym.Env, rng: random.Random) -> Callable[[Any, dict], int]:
    """Hit below 17, else stick; a random action one time in four."""
    return lambda obs, info: rng.randrange(2) if rng.random() < 0.25 else int(obs[0] < 17)


Variant = tuple[str, str, dict[str, Any], int, Callable]

# Recorded from Gymnasium 1.4.0.
CURRENT_VARIANTS: list[Variant] = [
    ("FrozenLake-v1", "not_slippery", {"is_slippery": False}, 20, lake_policy),
    ("FrozenLake-v1", "success_rate_rewards", {"success_rate": 0.75, "reward_schedule": [10, -5, -1]}, 20, lake_policy),
    ("FrozenLake-v1", "float_rewards", {"reward_schedule": [1.0, -0.5, 0.25]}, 20, lake_policy),
    ("FrozenLake-v1", "custom_desc", {"desc": ["SFFHF", "FHFFF", "FFFHG"]}, 20, lake_policy),
    ("FrozenLake-v1", "map_8x8_time_limit", {"map_name": "8x8", "max_episode_steps": 15}, 12, random_policy),
    ("FrozenLake8x8-v1", "integer_success_rate", {"success_rate": 1}, 12, random_policy),
    ("Taxi-v4", "rainy", {"is_rainy": True}, 12, taxi_policy),
    # Random moves in the rain run into the walls and the edges, where Taxi-v4's rain differs most from v3's.
    ("Taxi-v4", "rainy_random", {"is_rainy": True, "max_episode_steps": 100}, 8, random_policy),
    ("Taxi-v4", "fickle", {"fickle_passenger": True}, 30, taxi_policy),
    ("Taxi-v4", "rainy_fickle", {"is_rainy": True, "fickle_passenger": True}, 30, taxi_policy),
    ("Taxi-v4", "rainy_probability", {"is_rainy": True, "rainy_probability": 0.55}, 12, taxi_policy),
    # An int probability comes back as the info's int prob; the sideways moves get (1 - 1) / 2.0 = 0.0.
    ("Taxi-v4", "rainy_probability_int", {"is_rainy": True, "rainy_probability": 1}, 6, taxi_policy),
    # Never the intended move: always one of the two sideways ones.
    ("Taxi-v4", "rainy_probability_zero", {"is_rainy": True, "rainy_probability": 0.0, "max_episode_steps": 40}, 5, random_policy),
    # Without is_rainy the probability changes nothing.
    ("Taxi-v4", "dry_rainy_probability", {"rainy_probability": 0.3}, 5, taxi_policy),
    ("Taxi-v4", "fickle_probability", {"fickle_passenger": True, "fickle_probability": 0.75}, 20, taxi_policy),
    ("Taxi-v4", "always_fickle", {"fickle_passenger": True, "fickle_probability": 1}, 10, taxi_policy),
    ("Taxi-v4", "never_fickle", {"fickle_passenger": True, "fickle_probability": 0.0}, 6, taxi_policy),
    ("Taxi-v4", "all_kwargs",
     {"is_rainy": True, "fickle_passenger": True, "rainy_probability": 0.65, "fickle_probability": 0.9}, 20, taxi_policy),
    ("CliffWalking-v1", "slippery", {"is_slippery": True}, 12, cliff_policy),
    ("CliffWalkingSlippery-v1", "registered", {}, 8, cliff_policy),
    ("Blackjack-v1", "natural", {"sab": False, "natural": True}, 300, blackjack_policy),
    ("Blackjack-v1", "casino", {"sab": False}, 100, blackjack_policy),
]

# Recorded from Gymnasium 1.2.2: Taxi-v3 as old clients know it.
LEGACY_VARIANTS: list[Variant] = [
    ("Taxi-v3", "rainy", {"is_rainy": True}, 12, taxi_policy),
    ("Taxi-v3", "fickle", {"fickle_passenger": True}, 30, taxi_policy),
    ("Taxi-v3", "rainy_fickle", {"is_rainy": True, "fickle_passenger": True}, 30, taxi_policy),
]

VARIANTS_BY_VERSION = {"1.4.0": CURRENT_VARIANTS, "1.2.2": LEGACY_VARIANTS}

STEP_CAP = 300


def record(env_id: str, variant: str, kwargs: dict[str, Any], episodes: int, policy_factory: Callable) -> None:
    env = gym.make(env_id, **kwargs)
    rng = random.Random(f"{env_id}/{variant}")
    policy = policy_factory(env, rng)
    lines = [
        {
            "kind": "spaces",
            "env_id": env_id,
            "variant": variant,
            "kwargs": kwargs,
            "gymnasium_version": gym.__version__,
            "numpy_version": np.__version__,
            "max_episode_steps": env.spec.max_episode_steps,
            "observation_space": space_json(env.observation_space),
            "action_space": space_json(env.action_space),
        }
    ]
    for index in range(episodes):
        seed = SEEDS[index] if index < len(SEEDS) else None
        obs, info = env.reset(seed=seed)
        record_ = {
            "kind": "episode",
            "seed": seed,
            "continues_from_previous": seed is None,
            "policy": policy_factory.__name__,
            "reset_obs": plain(obs),
            "reset_info": plain(info),
            "steps": [],
        }
        for _ in range(STEP_CAP):
            action = policy(obs, info)
            obs, reward, terminated, truncated, info = env.step(action)
            record_["steps"].append(
                {
                    "action": action,
                    "obs": plain(obs),
                    "reward": plain(reward),
                    "terminated": bool(terminated),
                    "truncated": bool(truncated),
                    "info": plain(info),
                }
            )
            if terminated or truncated:
                break
        lines.append(record_)
    with open(f"{env_id}__{variant}.jsonl", "w", encoding="utf-8") as file:
        for line in lines:
            file.write(json.dumps(line, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    if gym.__version__ not in VARIANTS_BY_VERSION:
        sys.exit(f"Gymnasium {gym.__version__} records none of these files: run with 1.4.0 or 1.2.2")
    for variant in VARIANTS_BY_VERSION[gym.__version__]:
        record(*variant)

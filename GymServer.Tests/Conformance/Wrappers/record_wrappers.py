"""Records Gymnasium's wrappers on the envs GymServer runs natively, as reference data for the C# wrappers.

Run with Debian's python3, numpy 1.24 and a Gymnasium source checkout on PYTHONPATH, from this folder:

    PYTHONPATH=/path/to/Gymnasium /usr/bin/python3 record_wrappers.py record .
    PYTHONPATH=/path/to/other/Gymnasium /usr/bin/python3 record_wrappers.py record /tmp/other
    /usr/bin/python3 record_wrappers.py compare . /tmp/other

``record`` writes one ``<scenario>.jsonl`` per scenario and ``refusals.jsonl``; ``compare`` reports every record
that differs between two recordings (Gymnasium versions), ignoring the version fields and the wall-clock ``t`` of
RecordEpisodeStatistics.

Each scenario makes ``gymnasium.make(env_id, **env_kwargs)`` (so PassiveEnvChecker, OrderEnforcing and the
registered TimeLimit, as GymServer's native envs reproduce them) and applies the wrappers in list order, the first
innermost, as ``make_vec(..., wrappers=...)`` does for each sub-env. The wrapper kwargs are written as JSON, as a
client sends them; ``python_kwargs`` below is the one place they become Python values (a dtype name becomes a
numpy type, a list becomes a numpy array).

File format (one JSON object per line):

1. ``"kind":"wrappers"``: ``scenario``, ``env_id``, ``env_kwargs``, ``wrappers`` (``[{"name","kwargs"}]``),
   ``gymnasium_version``, ``numpy_version``, ``wrapper_stack`` (the wrapped env's repr), ``max_episode_steps`` (the
   wrapped env's spec), ``observation_space`` and ``action_space`` of the wrapped env (the form of
   ../../../shared/conformance/README.md; a Box of shape () has one-element bound lists).
2. ``"kind":"episode"``: ``seed`` (``null``: ``reset()`` without a seed, continuing the generator), ``reset_obs``,
   ``reset_info``, ``steps`` (each ``{"action","obs","reward","terminated","truncated","info"}``) and ``capped``
   (stopped by the step cap rather than by terminated/truncated).

Values: observations as numpy's ``tolist()`` (Tuple as lists, Dict as objects), rewards and info numbers keeping
Python's int/float kind, floats as ``repr`` of their float64 value (a float32 is written as the float64 it widens to,
so it reads back bit for bit). Box actions are float32 arrays: a client's action reaches the env in the action
space's dtype.

``result_types.jsonl``: ``np.result_type`` of every pair of the dtypes spaces hold (``a``, ``b``, ``result``).

``refusals.jsonl``: wrapper lists Gymnasium refuses for an env, one per line: ``env_id``, ``wrappers``, ``error``
(the exception's type) and ``message``.

``rescale_action.jsonl``: RescaleAction on synthetic float32 Box action spaces (bound widths that are not powers of
two, so the gradient's long-double division rounds): ``low``, ``high``, ``min_action``, ``max_action``, the wrapped
``action_space``, the wrapper's ``gradient`` and ``intercept`` (float32, read from its transform), and ``actions``:
pairs of a float32 action and the action it becomes for the env.
"""

from __future__ import annotations

import json
import math
import os
import random
import sys
from pathlib import Path
from typing import Any

# numpy's AVX-512 float64 sin and cos differ from the C library's in the last bit; the shared reference data (and
# the native envs) follow the C library, so the AVX-512 dispatch is off, as it was for that data. Set before numpy
# loads: it reads the variable once.
AVX512_DISPATCH = "AVX512F AVX512CD AVX512_SKX AVX512_CLX AVX512_CNL AVX512_ICL"
os.environ.setdefault("NPY_DISABLE_CPU_FEATURES", AVX512_DISPATCH)

import numpy as np  # noqa: E402  (after the dispatch setting above)

SEEDS = [0, 1, 42, 2**32 + 17]


def python_kwargs(name: str, kwargs: dict[str, Any], env: Any) -> dict[str, Any]:
    """The Python values a wrapper takes for the JSON kwargs a client sends."""
    values = dict(kwargs)
    if name == "DtypeObservation":
        values["dtype"] = np.dtype(values["dtype"]).type
    if name == "RescaleAction":
        for key in ("min_action", "max_action"):
            if isinstance(values[key], list):
                values[key] = np.asarray(values[key])
    if name == "FrameStackObservation" and isinstance(values.get("padding_type"), list):
        values["padding_type"] = np.asarray(values["padding_type"], dtype=env.observation_space.dtype)
    return values


def wrap(env_id: str, env_kwargs: dict[str, Any], wrappers: list[dict[str, Any]]) -> Any:
    import gymnasium
    import gymnasium.wrappers as gw

    env = gymnasium.make(env_id, **env_kwargs)
    for wrapper in wrappers:
        kwargs = python_kwargs(wrapper["name"], wrapper.get("kwargs", {}), env)
        env = getattr(gw, wrapper["name"])(env, **kwargs)
    return env


def bound(value: Any, is_float: bool, bounded: bool, infinity: str) -> Any:
    if not bounded:
        return infinity
    return float(value) if is_float else int(value)


def describe(space: Any) -> dict[str, Any]:
    from gymnasium import spaces

    if isinstance(space, spaces.Discrete):
        description = {"type": "Discrete", "n": int(space.n), "start": int(space.start)}
        if space.dtype != np.int64:
            description["dtype"] = str(space.dtype)
        return description
    if isinstance(space, spaces.Box):
        is_float = space.dtype.kind == "f"
        lows = zip(space.low.flatten().tolist(), space.bounded_below.flatten().tolist())
        highs = zip(space.high.flatten().tolist(), space.bounded_above.flatten().tolist())
        return {
            "type": "Box",
            "shape": list(space.shape),
            "dtype": str(space.dtype),
            "low": [bound(v, is_float, b, "-inf") for v, b in lows],
            "high": [bound(v, is_float, b, "inf") for v, b in highs],
        }
    if isinstance(space, spaces.MultiDiscrete):
        return {"type": "MultiDiscrete", "nvec": space.nvec.tolist(), "start": space.start.tolist(), "dtype": str(space.dtype)}
    if isinstance(space, spaces.MultiBinary):
        return {"type": "MultiBinary", "n": space.n if isinstance(space.n, int) else list(space.n)}
    if isinstance(space, spaces.Tuple):
        return {"type": "Tuple", "spaces": [describe(s) for s in space.spaces]}
    if isinstance(space, spaces.Dict):
        return {"type": "Dict", "spaces": {key: describe(s) for key, s in space.spaces.items()}}
    raise TypeError(f"no description for {space}")


def plain(value: Any) -> Any:
    """JSON values keeping Python's int/float kinds; arrays as nested lists."""
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, (tuple, list)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {key: plain(v) for key, v in value.items()}
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return float(value)
    return value


class Policy:
    """Random actions from Python's own generator (never the env's or a space's, which the env must not share).

    Box actions mix uniform draws over one and a half times the bounds with exact bounds, the float32 just beyond
    them and -0.0, so clipping and rescaling see their edge cases.
    """

    def __init__(self, space: Any, seed: str):
        from gymnasium import spaces

        self.rng = random.Random(seed)
        self.space = space
        self.step = 0
        if isinstance(space, spaces.Box):
            low = np.where(space.bounded_below, space.low, -3.0).astype(np.float64)
            high = np.where(space.bounded_above, space.high, 3.0).astype(np.float64)
            middle, half = (low + high) / 2, (high - low) / 2
            self.low, self.high = middle - 1.5 * half, middle + 1.5 * half
            self.edges = [
                space.low, space.high,
                np.nextafter(space.low, np.float32(-np.inf)), np.nextafter(space.high, np.float32(np.inf)),
                np.full(space.shape, -0.0, dtype=np.float32),
            ]

    def __call__(self) -> Any:
        from gymnasium import spaces

        self.step += 1
        if isinstance(self.space, spaces.Discrete):
            return int(self.space.start) + self.rng.randrange(int(self.space.n))
        if self.step % 7 == 0:
            edge = self.edges[(self.step // 7) % len(self.edges)]
            return np.where(np.isfinite(edge), edge, 0.0).astype(np.float32)
        values = [self.rng.uniform(lo, hi) for lo, hi in zip(self.low.flatten(), self.high.flatten())]
        return np.asarray(values, dtype=np.float32).reshape(self.space.shape)


# name, env id, env kwargs, wrappers (JSON, innermost first), seeded + continued episodes, step cap per episode
SCENARIOS: list[tuple[str, str, dict[str, Any], list[dict[str, Any]], int, int]] = [
    # One wrapper at a time.
    ("TimeLimit__CartPole", "CartPole-v1", {}, [{"name": "TimeLimit", "kwargs": {"max_episode_steps": 12}}], 8, 100),
    ("TimeLimit__FrozenLake", "FrozenLake-v1", {}, [{"name": "TimeLimit", "kwargs": {"max_episode_steps": 5}}], 10, 100),
    ("TimeLimit__Pendulum_longer", "Pendulum-v1", {}, [{"name": "TimeLimit", "kwargs": {"max_episode_steps": 300}}], 2, 400),
    ("ClipAction__Pendulum", "Pendulum-v1", {}, [{"name": "ClipAction"}], 5, 60),
    ("ClipAction__MountainCarContinuous", "MountainCarContinuous-v0", {}, [{"name": "ClipAction"}], 5, 60),
    ("RescaleAction__Pendulum", "Pendulum-v1", {}, [{"name": "RescaleAction", "kwargs": {"min_action": -1.0, "max_action": 1.0}}], 5, 60),
    ("RescaleAction__Pendulum_uneven", "Pendulum-v1", {}, [{"name": "RescaleAction", "kwargs": {"min_action": [-0.3], "max_action": [0.7]}}], 5, 60),
    ("RescaleAction__MountainCarContinuous_ints", "MountainCarContinuous-v0", {}, [{"name": "RescaleAction", "kwargs": {"min_action": 0, "max_action": 3}}], 5, 60),
    ("ClipReward__Pendulum", "Pendulum-v1", {}, [{"name": "ClipReward", "kwargs": {"min_reward": -5.5, "max_reward": -0.5}}], 5, 60),
    ("ClipReward__CliffWalking_ints", "CliffWalking-v1", {}, [{"name": "ClipReward", "kwargs": {"min_reward": -10, "max_reward": 0}}], 6, 60),
    ("ClipReward__FrozenLake_max_only", "FrozenLake-v1", {}, [{"name": "ClipReward", "kwargs": {"max_reward": 0.5}}], 12, 100),
    ("ClipReward__CartPole_min_only", "CartPole-v1", {}, [{"name": "ClipReward", "kwargs": {"min_reward": 1.5}}], 6, 100),
    ("FlattenObservation__FrozenLake", "FrozenLake-v1", {}, [{"name": "FlattenObservation"}], 8, 100),
    ("FlattenObservation__Blackjack", "Blackjack-v1", {}, [{"name": "FlattenObservation"}], 12, 100),
    ("FlattenObservation__Acrobot", "Acrobot-v1", {}, [{"name": "FlattenObservation"}], 4, 40),
    ("FrameStackObservation__CartPole", "CartPole-v1", {}, [{"name": "FrameStackObservation", "kwargs": {"stack_size": 4}}], 6, 100),
    ("FrameStackObservation__Pendulum_zero", "Pendulum-v1", {}, [{"name": "FrameStackObservation", "kwargs": {"stack_size": 3, "padding_type": "zero"}}], 4, 30),
    ("FrameStackObservation__Acrobot_custom", "Acrobot-v1", {}, [{"name": "FrameStackObservation", "kwargs": {"stack_size": 2, "padding_type": [1.0, -1.0, 0.5, 0.0, 2.0, -3.0]}}], 4, 30),
    ("FrameStackObservation__FrozenLake", "FrozenLake-v1", {}, [{"name": "FrameStackObservation", "kwargs": {"stack_size": 3}}], 8, 100),
    ("FrameStackObservation__Blackjack_zero", "Blackjack-v1", {}, [{"name": "FrameStackObservation", "kwargs": {"stack_size": 2, "padding_type": "zero"}}], 10, 100),
    ("NormalizeObservation__CartPole", "CartPole-v1", {}, [{"name": "NormalizeObservation"}], 10, 200),
    ("NormalizeObservation__Pendulum_epsilon", "Pendulum-v1", {}, [{"name": "NormalizeObservation", "kwargs": {"epsilon": 0.001}}], 3, 200),
    ("NormalizeObservation__MountainCar", "MountainCar-v0", {}, [{"name": "NormalizeObservation"}], 3, 200),
    ("NormalizeObservation__FrozenLake", "FrozenLake-v1", {}, [{"name": "NormalizeObservation"}], 10, 100),
    ("NormalizeReward__Pendulum", "Pendulum-v1", {}, [{"name": "NormalizeReward"}], 3, 200),
    ("NormalizeReward__CartPole", "CartPole-v1", {}, [{"name": "NormalizeReward", "kwargs": {"gamma": 0.9, "epsilon": 1e-6}}], 10, 200),
    ("NormalizeReward__CliffWalking", "CliffWalking-v1", {}, [{"name": "NormalizeReward", "kwargs": {"gamma": 1.0}}], 6, 80),
    ("TimeAwareObservation__CartPole", "CartPole-v1", {}, [{"name": "TimeAwareObservation"}], 6, 100),
    ("TimeAwareObservation__CartPole_normalized", "CartPole-v1", {}, [{"name": "TimeAwareObservation", "kwargs": {"normalize_time": True}}], 6, 100),
    ("TimeAwareObservation__Pendulum_dict", "Pendulum-v1", {}, [{"name": "TimeAwareObservation", "kwargs": {"flatten": False}}], 2, 30),
    ("TimeAwareObservation__FrozenLake", "FrozenLake-v1", {}, [{"name": "TimeAwareObservation"}], 8, 100),
    ("DtypeObservation__CartPole_float64", "CartPole-v1", {}, [{"name": "DtypeObservation", "kwargs": {"dtype": "float64"}}], 6, 100),
    ("DtypeObservation__Pendulum_int32", "Pendulum-v1", {}, [{"name": "DtypeObservation", "kwargs": {"dtype": "int32"}}], 3, 40),
    ("DtypeObservation__FrozenLake_float32", "FrozenLake-v1", {}, [{"name": "DtypeObservation", "kwargs": {"dtype": "float32"}}], 8, 100),
    ("RecordEpisodeStatistics__CartPole", "CartPole-v1", {}, [{"name": "RecordEpisodeStatistics"}], 8, 200),
    ("RecordEpisodeStatistics__FrozenLake_key", "FrozenLake-v1", {"is_slippery": False}, [{"name": "RecordEpisodeStatistics", "kwargs": {"buffer_length": 3, "stats_key": "stats"}}], 8, 30),
    ("MaxAndSkipObservation__CartPole", "CartPole-v1", {}, [{"name": "MaxAndSkipObservation", "kwargs": {"skip": 3}}], 6, 100),
    ("MaxAndSkipObservation__FrozenLake", "FrozenLake-v1", {}, [{"name": "MaxAndSkipObservation"}], 10, 100),
    # Chains.
    ("Chain__Pendulum_rescale_clip_normalize_timelimit", "Pendulum-v1", {}, [
        {"name": "RescaleAction", "kwargs": {"min_action": -1.0, "max_action": 1.0}},
        {"name": "ClipAction"},
        {"name": "NormalizeObservation"},
        {"name": "NormalizeReward"},
        {"name": "TimeLimit", "kwargs": {"max_episode_steps": 90}},
    ], 5, 200),
    ("Chain__FrozenLake_flatten_framestack", "FrozenLake-v1", {}, [
        {"name": "FlattenObservation"},
        {"name": "FrameStackObservation", "kwargs": {"stack_size": 4}},
    ], 10, 100),
    ("Chain__CartPole_dtype_framestack_stats", "CartPole-v1", {}, [
        {"name": "DtypeObservation", "kwargs": {"dtype": "float64"}},
        {"name": "FrameStackObservation", "kwargs": {"stack_size": 3}},
        {"name": "RecordEpisodeStatistics"},
    ], 8, 200),
    ("Chain__MountainCarContinuous_clip_normalize_time_stats_clipreward", "MountainCarContinuous-v0", {}, [
        {"name": "ClipAction"},
        {"name": "NormalizeObservation"},
        {"name": "TimeAwareObservation", "kwargs": {"normalize_time": True}},
        {"name": "RecordEpisodeStatistics"},
        {"name": "ClipReward", "kwargs": {"min_reward": -0.05, "max_reward": 0.05}},
        {"name": "TimeLimit", "kwargs": {"max_episode_steps": 70}},
    ], 4, 100),
    ("Chain__Acrobot_time_normalize_framestack_normreward", "Acrobot-v1", {}, [
        {"name": "TimeAwareObservation"},
        {"name": "NormalizeObservation"},
        {"name": "FrameStackObservation", "kwargs": {"stack_size": 2}},
        {"name": "NormalizeReward", "kwargs": {"gamma": 0.95}},
    ], 3, 150),
    ("Chain__FrozenLake_dtype_normalize", "FrozenLake-v1", {}, [
        {"name": "DtypeObservation", "kwargs": {"dtype": "float32"}},
        {"name": "NormalizeObservation"},
    ], 10, 100),
    ("Chain__CartPole_timelimit_time_flatten", "CartPole-v1", {}, [
        {"name": "TimeLimit", "kwargs": {"max_episode_steps": 15}},
        {"name": "TimeAwareObservation", "kwargs": {"normalize_time": True, "flatten": False}},
        {"name": "FlattenObservation"},
    ], 6, 100),
    ("Chain__Blackjack_timelimit_time_flatten_normalize_stats", "Blackjack-v1", {}, [
        {"name": "TimeLimit", "kwargs": {"max_episode_steps": 3}},
        {"name": "TimeAwareObservation"},
        {"name": "NormalizeObservation"},
        {"name": "RecordEpisodeStatistics"},
    ], 12, 100),
    ("Chain__Blackjack_framestack_flatten", "Blackjack-v1", {}, [
        {"name": "FrameStackObservation", "kwargs": {"stack_size": 3}},
        {"name": "FlattenObservation"},
    ], 10, 100),
    ("Chain__Pendulum_framestack_normalize_dtype", "Pendulum-v1", {}, [
        {"name": "FrameStackObservation", "kwargs": {"stack_size": 2, "padding_type": "zero"}},
        {"name": "NormalizeObservation"},
        {"name": "DtypeObservation", "kwargs": {"dtype": "float64"}},
    ], 2, 200),
    ("Chain__CartPole_time_dict_framestack", "CartPole-v1", {}, [
        {"name": "TimeAwareObservation", "kwargs": {"flatten": False}},
        {"name": "FrameStackObservation", "kwargs": {"stack_size": 2}},
    ], 5, 100),
    ("Chain__FrozenLake_framestack_dtype_normalize", "FrozenLake-v1", {}, [
        {"name": "FrameStackObservation", "kwargs": {"stack_size": 3}},
        {"name": "DtypeObservation", "kwargs": {"dtype": "int32"}},
        {"name": "NormalizeObservation"},
    ], 8, 100),
    ("Chain__FrozenLake_framestack_flatten", "FrozenLake-v1", {}, [
        {"name": "FrameStackObservation", "kwargs": {"stack_size": 2, "padding_type": 5}},
        {"name": "FlattenObservation"},
    ], 8, 100),
    ("Chain__Pendulum_maxandskip_normalize_framestack", "Pendulum-v1", {}, [
        {"name": "MaxAndSkipObservation", "kwargs": {"skip": 2}},
        {"name": "NormalizeObservation"},
        {"name": "FrameStackObservation", "kwargs": {"stack_size": 2}},
    ], 3, 60),
]

REFUSALS: list[tuple[str, list[dict[str, Any]]]] = [
    ("Pendulum-v1", [{"name": "ClipAction"}, {"name": "RescaleAction", "kwargs": {"min_action": -1.0, "max_action": 1.0}}]),
    ("CartPole-v1", [{"name": "ClipAction"}]),
    ("CartPole-v1", [{"name": "RescaleAction", "kwargs": {"min_action": -1.0, "max_action": 1.0}}]),
    ("Blackjack-v1", [{"name": "NormalizeObservation"}]),
    ("Blackjack-v1", [{"name": "TimeAwareObservation"}]),
    ("CartPole-v1", [{"name": "FrameStackObservation", "kwargs": {"stack_size": 0}}]),
    ("CartPole-v1", [{"name": "FrameStackObservation", "kwargs": {"stack_size": 2, "padding_type": "same"}}]),
    ("CartPole-v1", [{"name": "ClipReward"}]),
    ("CartPole-v1", [{"name": "ClipReward", "kwargs": {"min_reward": 1.0, "max_reward": 0.0}}]),
    ("CartPole-v1", [{"name": "TimeLimit", "kwargs": {"max_episode_steps": 0}}]),
    ("Pendulum-v1", [{"name": "RescaleAction", "kwargs": {"min_action": 1.0, "max_action": -1.0}}]),
]


RESCALE_CASES: list[tuple[list[float], list[float], Any, Any]] = [
    ([-2.0], [2.0], -1.0, 1.0),
    ([-1.0, 0.0, -3.0], [1.0, 3.0, 0.1], -1.0, 1.0),
    ([-0.7, 10.0], [0.4, 1000.0], [0.0, -5.0], [0.3, 5.0]),
    ([-1.0, -1.0, -1.0], [1.0, 1.0, 1.0], [-0.3, 0, 1e-3], [0.45, 7, 1e-3 + 1e-7]),
    ([1e-3, -1e6], [3e-3, 3e6], -1, 1),
    ([-3.3, -np.inf], [4.4, 2.0], [-1.0, -np.inf], [1.0, 1.0]),
]


def rescale_action(low: list[float], high: list[float], min_action: Any, max_action: Any) -> dict[str, Any]:
    """RescaleAction on a minimal env of the given action space; reads its transform's gradient and intercept."""
    import gymnasium
    from gymnasium import spaces
    from gymnasium.wrappers import RescaleAction

    class Target(gymnasium.Env):
        observation_space = spaces.Discrete(1)

        def __init__(self) -> None:
            self.action_space = spaces.Box(np.array(low), np.array(high), dtype=np.float32)

    def value(v: Any) -> Any:
        return np.asarray(v) if isinstance(v, list) else v

    def jsonable(v: Any) -> Any:
        if isinstance(v, list):
            return [jsonable(x) for x in v]
        return ("inf" if v > 0 else "-inf") if isinstance(v, float) and math.isinf(v) else v

    wrapper = RescaleAction(Target(), value(min_action), value(max_action))
    transform = dict(zip(wrapper.func.__code__.co_freevars, (cell.cell_contents for cell in wrapper.func.__closure__)))
    rng = random.Random(str((low, high)))
    wrapped = wrapper.action_space
    actions = [wrapped.low, wrapped.high, np.nextafter(wrapped.low, np.float32(np.inf))]
    actions += [np.asarray([rng.uniform(-2, 2) for _ in low], dtype=np.float32) for _ in range(5)]
    actions = [np.where(np.isfinite(a), a, 0.5).astype(np.float32) for a in actions]
    return {
        "low": jsonable(low), "high": jsonable(high),
        "min_action": jsonable(min_action), "max_action": jsonable(max_action),
        "action_space": describe(wrapped),
        "gradient": transform["gradient"].tolist(), "intercept": transform["intercept"].tolist(),
        "actions": [[a.tolist(), wrapper.action(a).tolist()] for a in actions],
    }


DTYPES = ["float32", "float64", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "bool"]


def result_types() -> list[dict[str, str]]:
    """np.result_type of two arrays' dtypes, as flatten_space promotes the parts of a Tuple or Dict."""
    return [{"a": a, "b": b, "result": str(np.result_type(np.dtype(a), np.dtype(b)))} for a in DTYPES for b in DTYPES]


def run_scenario(name: str, env_id: str, env_kwargs: dict[str, Any], wrappers: list[dict[str, Any]], episodes: int, cap: int) -> list[dict[str, Any]]:
    import gymnasium

    env = wrap(env_id, env_kwargs, wrappers)
    lines: list[dict[str, Any]] = [{
        "kind": "wrappers",
        "scenario": name,
        "env_id": env_id,
        "env_kwargs": env_kwargs,
        "wrappers": wrappers,
        "gymnasium_version": gymnasium.__version__,
        "numpy_version": np.__version__,
        "wrapper_stack": str(env),
        "max_episode_steps": env.spec.max_episode_steps if env.spec is not None else None,
        "observation_space": describe(env.observation_space),
        "action_space": describe(env.action_space),
    }]
    policy = Policy(env.action_space, name)
    for index in range(episodes):
        seed = SEEDS[index] if index < len(SEEDS) else None
        obs, info = env.reset(seed=seed)
        episode: dict[str, Any] = {
            "kind": "episode", "seed": seed, "reset_obs": plain(obs), "reset_info": plain(info), "steps": [], "capped": True,
        }
        for _ in range(cap):
            action = policy()
            obs, reward, terminated, truncated, info = env.step(action)
            episode["steps"].append({
                "action": plain(action), "obs": plain(obs), "reward": plain(reward),
                "terminated": bool(terminated), "truncated": bool(truncated), "info": plain(info),
            })
            if terminated or truncated:
                episode["capped"] = False
                break
        lines.append(episode)
    env.close()
    return lines


def refusal(env_id: str, wrappers: list[dict[str, Any]]) -> dict[str, Any]:
    try:
        wrap(env_id, {}, wrappers).close()
    except Exception as error:  # the record is the error itself
        return {"env_id": env_id, "wrappers": wrappers, "error": type(error).__name__, "message": str(error)}
    raise AssertionError(f"{env_id} {wrappers} was accepted")


def write(path: Path, lines: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as file:
        for line in lines:
            file.write(json.dumps(line, separators=(",", ":"), allow_nan=False) + "\n")


def record(folder: Path) -> None:
    from numpy.core._multiarray_umath import __cpu_features__

    if __cpu_features__.get("AVX512F"):
        sys.exit(f"numpy's AVX-512 dispatch is on: run with NPY_DISABLE_CPU_FEATURES='{AVX512_DISPATCH}'")
    folder.mkdir(parents=True, exist_ok=True)
    for scenario in SCENARIOS:
        lines = run_scenario(*scenario)
        write(folder / f"{scenario[0]}.jsonl", lines)
        steps = sum(len(line["steps"]) for line in lines[1:])
        print(f"{scenario[0]}: {len(lines) - 1} episodes, {steps} steps")
    write(folder / "refusals.jsonl", [refusal(env_id, wrappers) for env_id, wrappers in REFUSALS])
    write(folder / "rescale_action.jsonl", [rescale_action(*case) for case in RESCALE_CASES])
    write(folder / "result_types.jsonl", result_types())


def comparable(line: dict[str, Any]) -> dict[str, Any]:
    """A record without what legitimately differs between two runs: versions and wall-clock times."""
    line = {key: value for key, value in line.items() if key not in ("gymnasium_version", "numpy_version")}
    for step in line.get("steps", []):
        for value in step["info"].values():
            if isinstance(value, dict) and "t" in value:
                value["t"] = None
    return line


def compare(first: Path, second: Path) -> int:
    differences = 0
    for path in sorted(first.glob("*.jsonl")):
        other = second / path.name
        if not other.exists():
            print(f"{path.name}: missing from {second}")
            differences += 1
            continue
        a = [comparable(json.loads(line)) for line in path.read_text(encoding="utf-8").splitlines()]
        b = [comparable(json.loads(line)) for line in other.read_text(encoding="utf-8").splitlines()]
        for index, (x, y) in enumerate(zip(a, b)):
            if x != y:
                print(f"{path.name} line {index + 1}: differs")
                differences += 1
        if len(a) != len(b):
            print(f"{path.name}: {len(a)} lines vs {len(b)}")
            differences += 1
    print(f"{differences} differences")
    return 1 if differences else 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "record":
        record(Path(sys.argv[2]))
    elif len(sys.argv) == 4 and sys.argv[1] == "compare":
        sys.exit(compare(Path(sys.argv[2]), Path(sys.argv[3])))
    else:
        sys.exit(__doc__)

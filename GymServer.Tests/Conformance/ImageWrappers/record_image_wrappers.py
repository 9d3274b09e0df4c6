"""Records Gymnasium's image wrappers (and chains of them) on synthetic image envs, as reference data for the C#
ones: GrayscaleObservation, ResizeObservation (cv2.resize with INTER_AREA), MaxAndSkipObservation and
FrameStackObservation, alone and in the Atari chain.

Run with Debian's python3 (numpy 1.24, python3-opencv 4.6) and a Gymnasium source checkout on PYTHONPATH, from this
folder:

    PYTHONPATH=/path/to/Gymnasium /usr/bin/python3 record_image_wrappers.py image_wrappers.jsonl

The envs are small enough to write again in C# (GymServer.Tests/Conformance/ImageWrapperConformanceTests.cs):

- ``frames``: ``Box(0, 255, shape, uint8)`` observations whose bytes are a counter hash (SplitMix64's finaliser of
  ``key * 2**32 + i + 1`` for byte i, its top byte), ``key = seed * 65536 + step`` (a reset without a seed takes the
  previous seed + 1); Discrete(6) actions; reward ``step * 0.25`` (a float); terminated at ``episode_steps``.
- ``atari``: the Atari-shaped env of bench/pixels (gymserver_bench_pixels.AtariShapedEnv, imported from there): a
  frame filled with one value drawn at reset (recorded per episode as ``fill``), each step painting row
  ``step % 210`` with ``action * 40``.

One JSON object per line: a scenario (``scenario``, ``env`` (``kind`` and its parameters), ``wrappers``,
``gymnasium_version``, ``numpy_version``, ``opencv_version``, ``observation_space`` (a Box, with its one low and one
high), ``action_space``, ``episodes``: each ``seed``, ``fill`` (atari only), ``reset`` (the first 32 hex digits of
the sha256 of the observation's bytes) and ``steps``: each ``action``, ``obs`` (its 32 hex digits), ``reward``,
``terminated``, ``truncated``). Observations are hashed to keep the file small; the C# test compares every byte
through the hash.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from typing import Any

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [os.path.join(HERE, "..", "Wrappers"), os.path.join(HERE, "..", "..", "..", "bench", "pixels")]

import cv2  # noqa: E402
import gymnasium  # noqa: E402
import numpy as np  # noqa: E402
from gymnasium import spaces  # noqa: E402

from record_wrappers import describe, python_kwargs  # noqa: E402

MASK = np.uint64(0xFFFFFFFFFFFFFFFF)


def frame_bytes(key: int, count: int) -> np.ndarray:
    """SplitMix64's finaliser of key * 2**32 + i + 1 for i < count, its top byte."""
    z = np.arange(1, count + 1, dtype=np.uint64) + np.uint64(key << 32)
    z = z * np.uint64(0x9E3779B97F4A7C15)
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    z = z ^ (z >> np.uint64(31))
    return (z >> np.uint64(56)).astype(np.uint8)


class FramesEnv(gymnasium.Env):
    """Hashed-counter frames: every pixel random-looking, every frame different, the same in C#."""

    def __init__(self, shape: list[int], episode_steps: int):
        self.shape = tuple(shape)
        self.observation_space = spaces.Box(0, 255, self.shape, np.uint8)
        self.action_space = spaces.Discrete(6)
        self.episode_steps = episode_steps
        self.base = -1
        self.steps = 0

    def frame(self) -> np.ndarray:
        return frame_bytes(self.base * 65536 + self.steps, int(np.prod(self.shape))).reshape(self.shape)

    def reset(self, *, seed=None, options=None):
        super().reset(seed=seed)
        self.base = seed if seed is not None else self.base + 1
        self.steps = 0
        return self.frame(), {}

    def step(self, action):
        self.steps += 1
        return self.frame(), self.steps * 0.25, self.steps >= self.episode_steps, False, {}


def make(env: dict[str, Any]) -> Any:
    if env["kind"] == "frames":
        return FramesEnv(env["shape"], env["episode_steps"])
    from gymserver_bench_pixels import AtariShapedEnv

    return AtariShapedEnv()


def wrap(env: Any, wrappers: list[dict[str, Any]]) -> Any:
    import gymnasium.wrappers as gw

    for wrapper in wrappers:
        kwargs = python_kwargs(wrapper["name"], wrapper.get("kwargs", {}), env)
        if wrapper["name"] == "ResizeObservation":
            kwargs["shape"] = tuple(kwargs["shape"])  # Gymnasium takes a tuple; a client sends a JSON list
        env = getattr(gw, wrapper["name"])(env, **kwargs)
    return env


def image_space(space: Any) -> dict[str, Any]:
    """An image Box in short: every bound is the same, so one low and one high stand for all."""
    description = describe(space)
    for key in ("low", "high"):
        assert len(set(description[key])) == 1, description
        description[key] = description[key][0]
    return description


def digest(obs: Any) -> str:
    return hashlib.sha256(np.ascontiguousarray(obs).tobytes()).hexdigest()[:32]


def frames(shape: list[int], episode_steps: int = 1000) -> dict[str, Any]:
    return {"kind": "frames", "shape": shape, "episode_steps": episode_steps}


def resize(height: int, width: int) -> dict[str, Any]:
    return {"name": "ResizeObservation", "kwargs": {"shape": [height, width]}}


GRAY = {"name": "GrayscaleObservation"}
GRAY_KEEP = {"name": "GrayscaleObservation", "kwargs": {"keep_dim": True}}
ATARI = [
    {"name": "MaxAndSkipObservation", "kwargs": {"skip": 4}},
    GRAY,
    resize(84, 84),
    {"name": "FrameStackObservation", "kwargs": {"stack_size": 4}},
]

# name, env, wrappers, seeds of the episodes (None: reset without a seed), steps per episode (at most)
SCENARIOS: list[tuple[str, dict[str, Any], list[dict[str, Any]], list[Any], int]] = [
    ("Grayscale__atari_frame", frames([210, 160, 3]), [GRAY], [0, 1], 3),
    ("Grayscale__keep_dim", frames([96, 96, 3]), [GRAY_KEEP], [2], 3),
    ("Grayscale__tiny", frames([1, 2, 3]), [GRAY], [3, None], 2),
    ("Resize__atari_84x84", frames([210, 160, 3]), [resize(84, 84)], [0, 1], 3),
    ("Resize__gray_84x84", frames([210, 160]), [resize(84, 84)], [0], 3),
    ("Resize__one_channel_84x84", frames([210, 160, 1]), [resize(84, 84)], [4], 2),
    ("Resize__halves", frames([210, 160, 3]), [resize(105, 80)], [5], 2),
    ("Resize__halves_gray_odd", frames([18, 22]), [resize(9, 11)], [5], 3),
    ("Resize__halves_two_channels", frames([20, 12, 2]), [resize(10, 6)], [5], 3),
    ("Resize__blocks_3x4", frames([210, 160]), [resize(70, 40)], [6], 2),
    ("Resize__blocks_rows_only", frames([210, 160, 3]), [resize(42, 160)], [6], 2),
    ("Resize__four_channels", frames([64, 48, 4]), [resize(30, 20)], [7], 2),
    ("Resize__carracing_64x64", frames([96, 96, 3]), [resize(64, 64)], [8], 2),
    ("Resize__slight_shrink", frames([99, 101]), [resize(98, 100)], [8], 2),
    # Cells too wide for the byte-shuffle path of the sums across (AreaShrinkAcross gathers instead), and a row
    # narrower than its 16-byte windows.
    ("Resize__large_factors", frames([100, 150]), [resize(30, 20)], [14], 2),
    ("Resize__large_factors_rgb", frames([64, 200, 3]), [resize(20, 26)], [14], 2),
    ("Resize__narrow_row", frames([9, 15]), [resize(4, 8)], [15], 3),
    ("Resize__tiny", frames([7, 5]), [resize(3, 2)], [9], 3),
    ("Resize__to_one_pixel", frames([13, 11, 3]), [resize(1, 1)], [9], 2),
    ("Resize__double", frames([84, 84]), [resize(168, 168)], [10], 2),
    ("Resize__grow_uneven", frames([50, 40, 3]), [resize(84, 84)], [11], 2),
    ("Resize__grow_from_one_pixel", frames([1, 1, 3]), [resize(3, 5)], [11], 2),
    ("Resize__grow_tiny", frames([3, 3]), [resize(7, 7)], [12], 3),
    ("Resize__grow_rows_shrink_columns", frames([210, 160, 3]), [resize(300, 100)], [12], 2),
    ("Resize__shrink_rows_grow_columns", frames([60, 20]), [resize(25, 33)], [13], 2),
    ("Resize__same_size", frames([30, 20, 3]), [resize(30, 20)], [13], 2),
    ("MaxAndSkip__frames", frames([30, 20, 3], episode_steps=10), [{"name": "MaxAndSkipObservation", "kwargs": {"skip": 4}}], [0, None, 7], 5),
    ("MaxAndSkip__skip2", frames([16, 16], episode_steps=5), [{"name": "MaxAndSkipObservation", "kwargs": {"skip": 2}}], [1, None], 4),
    ("Chain__gray_resize", frames([210, 160, 3]), [GRAY, resize(84, 84)], [0], 3),
    # (GRAY_KEEP, resize, FrameStack fails in Gymnasium itself: cv2.resize drops the channel of one, so the frames
    # no longer fit the stack's space.)
    ("Chain__gray_keep_dim_resize", frames([210, 160, 3]), [GRAY_KEEP, resize(84, 84)], [1], 3),
    ("Chain__gray_resize_framestack", frames([210, 160, 3]), [GRAY, resize(84, 84), {"name": "FrameStackObservation", "kwargs": {"stack_size": 3}}], [1, None], 4),
    ("Chain__atari_random_pixels", frames([210, 160, 3], episode_steps=30), ATARI, [0, None, 3], 9),
    ("Chain__atari_shaped_env", {"kind": "atari"}, ATARI, [0, None, 5], 260),
]


def run(name: str, env_spec: dict[str, Any], wrappers: list[dict[str, Any]], seeds: list[Any], cap: int) -> dict[str, Any]:
    base = make(env_spec)
    env = wrap(base, wrappers)
    rng = np.random.default_rng(len(name))
    episodes = []
    for seed in seeds:
        obs, _ = env.reset(seed=seed)
        episode: dict[str, Any] = {"seed": seed, "reset": digest(obs), "steps": []}
        if env_spec["kind"] == "atari":
            episode["fill"] = int(base._frame[0, 0, 0])
        for _ in range(cap):
            action = int(rng.integers(0, 6))
            obs, reward, terminated, truncated, _ = env.step(action)
            assert isinstance(reward, float), reward
            episode["steps"].append({"action": action, "obs": digest(obs), "reward": reward, "terminated": bool(terminated), "truncated": bool(truncated)})
            if terminated or truncated:
                break
        episodes.append(episode)
    return {
        "scenario": name,
        "env": env_spec,
        "wrappers": wrappers,
        "gymnasium_version": gymnasium.__version__,
        "numpy_version": np.__version__,
        "opencv_version": cv2.__version__,
        "observation_space": image_space(env.observation_space),
        "action_space": describe(env.action_space),
        "episodes": episodes,
    }


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    with open(sys.argv[1], "w", encoding="utf-8") as file:
        for scenario in SCENARIOS:
            record = run(*scenario)
            file.write(json.dumps(record, separators=(",", ":")) + "\n")
            print(f"{scenario[0]}: {sum(len(e['steps']) for e in record['episodes'])} steps", file=sys.stderr)


if __name__ == "__main__":
    main()

"""Server-side wrappers against raw envs, in the same run on the same server (bench/wrappers.sh starts it).

Atari: the Atari-shaped env of bench/pixels (GymServerBench/AtariShaped-v0: (210, 160, 3) uint8, Discrete(6), a step
that costs next to nothing), raw and wrapped on the server in MaxAndSkipObservation(4), GrayscaleObservation,
ResizeObservation((84, 84)) and FrameStackObservation(4), through gymserver_client's RemoteVectorEnv on the binary
encoding, for each N of --envs (N = 1: one env on one connection). The worker applies MaxAndSkipObservation, the
server the three after it in C# (unless the server runs with Gym:Envs:NativeObservationWrappers=false, when the
worker applies all four; docs/wrappers.md). Per side: agent steps per second, env frames per
second reaching the agent (agent steps x N x frames each agent step covers: 4 with MaxAndSkip, 1 raw) and the
observation bytes a reply carries per agent step (the whole of a binary reply but its small header). The ratio that
matters is env frames per second, wrapped / raw, for the same N: the goal is at least 5.

Native: CartPole-v1 (native C#) with NormalizeObservation against unwrapped, one env on one connection
(gymserver_client's RemoteEnv, binary frames): steps per second and the ratio (goal: at least 0.9).

Sides are opened once, then measured in turns, --rounds times each; a side's figure is the median of its rounds.

    python3 bench/wrappers/wrappers.py --gymnasium PATH --port 4093
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from typing import Callable, Dict, List, Tuple

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gymnasium", default=os.environ.get("GYMNASIUM_PATH"), help="a Gymnasium checkout to import")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True, help="the server's TCP port")
    parser.add_argument("--envs", default="1,4,16", help="vector sizes N for the Atari sides")
    parser.add_argument("--seconds", type=float, default=2.0, help="measured seconds per side and round")
    parser.add_argument("--warmup", type=float, default=0.5, help="unmeasured seconds before each measurement")
    parser.add_argument("--rounds", type=int, default=3, help="turns over all sides; a side's figure is its median")
    return parser.parse_args()


ARGS = parse_args()
if not ARGS.gymnasium:
    sys.exit("wrappers.py needs Gymnasium: --gymnasium PATH or GYMNASIUM_PATH")
sys.path[:0] = [ARGS.gymnasium, os.path.join(ROOT, "bench", "pixels"), os.path.join(ROOT, "clients", "python")]

import numpy as np  # noqa: E402

from gymserver_bench_pixels import ENV_ID  # noqa: E402
from gymserver_client import RemoteEnv, RemoteVectorEnv  # noqa: E402

SKIP = 4
ATARI_WRAPPERS = [
    {"name": "MaxAndSkipObservation", "kwargs": {"skip": SKIP}},
    {"name": "GrayscaleObservation"},
    {"name": "ResizeObservation", "kwargs": {"shape": [84, 84]}},
    {"name": "FrameStackObservation", "kwargs": {"stack_size": 4}},
]
ENVS = [int(n) for n in ARGS.envs.split(",")]


class Side:
    """Something stepped in a loop: its name, how many env frames one call covers, its observation bytes a call."""

    def __init__(self, name: str, step: Callable[[int], None], frames_per_call: int, bytes_per_call: int):
        self.name, self.step, self.frames_per_call, self.bytes_per_call = name, step, frames_per_call, bytes_per_call
        self.rates: List[float] = []

    def measure(self) -> None:
        deadline = time.perf_counter() + ARGS.warmup
        i = 0
        while time.perf_counter() < deadline:
            self.step(i)
            i += 1
        calls, start = 0, time.perf_counter()
        deadline = start + ARGS.seconds
        while time.perf_counter() < deadline:
            self.step(calls)
            calls += 1
        self.rates.append(calls / (time.perf_counter() - start))

    @property
    def calls_per_second(self) -> float:
        return statistics.median(self.rates)


def atari_side(num_envs: int, wrapped: bool) -> Tuple[Side, RemoteVectorEnv]:
    env = RemoteVectorEnv(ENV_ID, num_envs, ARGS.host, ARGS.port, binary=True,
                          wrappers=ATARI_WRAPPERS if wrapped else None)
    env.reset(seed=0)
    actions = np.random.default_rng(num_envs).integers(0, 6, size=(64, num_envs), dtype=np.int64)
    observation_bytes = int(np.prod(env.single_observation_space.shape)) * num_envs
    name = f"atari N={num_envs:<2} {'wrapped' if wrapped else 'raw'}"
    side = Side(name, lambda i: env.step(actions[i % 64]), num_envs * (SKIP if wrapped else 1), observation_bytes)
    return side, env


def cartpole_side(wrapped: bool) -> Tuple[Side, RemoteEnv]:
    env = RemoteEnv("CartPole-v1", ARGS.host, ARGS.port,
                    wrappers=[{"name": "NormalizeObservation"}] if wrapped else None)
    assert env.backend == "native", env.backend
    env.reset(seed=0)
    actions = np.random.default_rng(1).integers(0, 2, size=64)

    def step(i: int) -> None:
        _, _, terminated, truncated, _ = env.step(int(actions[i % 64]))
        if terminated or truncated:
            env.reset()

    return Side(f"cartpole {'NormalizeObservation' if wrapped else 'unwrapped'}", step, 1, 16), env


def main() -> None:
    sides: Dict[Tuple[str, int, bool], Side] = {}
    envs = []
    for n in ENVS:
        for wrapped in (False, True):
            side, env = atari_side(n, wrapped)
            sides[("atari", n, wrapped)] = side
            envs.append(env)
    for wrapped in (False, True):
        side, env = cartpole_side(wrapped)
        sides[("cartpole", 1, wrapped)] = side
        envs.append(env)
    try:
        for round_number in range(ARGS.rounds):
            for side in sides.values():
                side.measure()
            print(f"round {round_number + 1}/{ARGS.rounds} done", file=sys.stderr)
    finally:
        for env in envs:
            env.close()

    print(f"# Wrappers on the server: median of {ARGS.rounds} rounds of {ARGS.seconds:g} s per side")
    print()
    print("| side | agent steps/s | env frames/s | observation bytes per agent step | frames/s wrapped / raw | bytes raw / wrapped |")
    print("|---|---:|---:|---:|---:|---:|")
    for n in ENVS:
        raw, wrapped = sides[("atari", n, False)], sides[("atari", n, True)]
        for side in (raw, wrapped):
            frames = side.calls_per_second * side.frames_per_call
            ratio = frames / (raw.calls_per_second * raw.frames_per_call) if side is wrapped else 1.0
            shrink = raw.bytes_per_call / side.bytes_per_call
            print(f"| {side.name} | {side.calls_per_second:,.0f} | {frames:,.0f} | {side.bytes_per_call // n:,} "
                  f"| {ratio:.2f}x | {shrink:.2f}x |")
    raw, wrapped = sides[("cartpole", 1, False)], sides[("cartpole", 1, True)]
    print()
    print("| side | steps/s | wrapped / unwrapped |")
    print("|---|---:|---:|")
    print(f"| {raw.name} | {raw.calls_per_second:,.0f} | 1.00 |")
    print(f"| {wrapped.name} | {wrapped.calls_per_second:,.0f} | {wrapped.calls_per_second / raw.calls_per_second:.2f} |")


if __name__ == "__main__":
    main()

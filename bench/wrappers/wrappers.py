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

Where the time goes (with --server-pid): for each Atari side, the CPU time per agent step of each sub-env in the client,
the server and its Python workers; and, at the largest N, the same env with 1x1 frames, raw and with the worker's
MaxAndSkipObservation(4) alone: what an agent step costs with next to no bytes to move (the pool's per-call cost, and
Gymnasium's wrapper without its frame copies).

Sides are opened once, then measured in turns, --rounds times each; a side's figure is the median of its rounds.

    python3 bench/wrappers/wrappers.py --gymnasium PATH --port 4093 --server-pid PID
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from typing import Callable, Dict, List, Optional, Tuple

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
    parser.add_argument("--server-pid", type=int, help="the server's process id, for the CPU time of it and its workers")
    parser.add_argument("--link-mbit", type=int, help="the rate of the shaped link to the server (bench/link.sh), "
                        "for the heading; loopback when not given")
    return parser.parse_args()


ARGS = parse_args()
if not ARGS.gymnasium:
    sys.exit("wrappers.py needs Gymnasium: --gymnasium PATH or GYMNASIUM_PATH")
sys.path[:0] = [ARGS.gymnasium, os.path.join(ROOT, "bench", "pixels"), os.path.join(ROOT, "clients", "python")]

import numpy as np  # noqa: E402

from gymserver_bench_pixels import ENV_ID  # noqa: E402
from gymserver_client import RemoteEnv, RemoteVectorEnv  # noqa: E402
from server_cpu import ServerCpu  # noqa: E402

SKIP = 4
ATARI_WRAPPERS = [
    {"name": "MaxAndSkipObservation", "kwargs": {"skip": SKIP}},
    {"name": "GrayscaleObservation"},
    {"name": "ResizeObservation", "kwargs": {"shape": [84, 84]}},
    {"name": "FrameStackObservation", "kwargs": {"stack_size": 4}},
]
ENVS = [int(n) for n in ARGS.envs.split(",")]


class Side:
    """Something stepped in a loop: its name, how many env frames one call covers, its observation bytes a call, and
    how many agent steps one call is (N for a vector)."""

    def __init__(self, name: str, step: Callable[[int], None], frames_per_call: int, bytes_per_call: int,
                 agent_steps_per_call: int = 1):
        self.name, self.step, self.frames_per_call, self.bytes_per_call = name, step, frames_per_call, bytes_per_call
        self.agent_steps_per_call = agent_steps_per_call
        self.rates: List[float] = []
        self.cpu_us: List[Tuple[float, float, float]] = []
        """Per round: the client's, the server's and the workers' CPU microseconds per agent step."""

    def measure(self) -> None:
        deadline = time.perf_counter() + ARGS.warmup
        i = 0
        while time.perf_counter() < deadline:
            self.step(i)
            i += 1
        server_before = ServerCpu.now(ARGS.server_pid) if ARGS.server_pid else None
        client_before = os.times()
        calls, start = 0, time.perf_counter()
        deadline = start + ARGS.seconds
        while time.perf_counter() < deadline:
            self.step(calls)
            calls += 1
        self.rates.append(calls / (time.perf_counter() - start))
        client_after = os.times()
        if server_before is not None:
            server_after = ServerCpu.now(ARGS.server_pid)
            per_agent_step = 1e6 / (calls * self.agent_steps_per_call)
            client = client_after.user - client_before.user + client_after.system - client_before.system
            self.cpu_us.append((client * per_agent_step, (server_after.server - server_before.server) * per_agent_step,
                                (server_after.workers - server_before.workers) * per_agent_step))

    @property
    def calls_per_second(self) -> float:
        return statistics.median(self.rates)


def atari_side(num_envs: int, wrapped: bool) -> Tuple[Side, RemoteVectorEnv]:
    name = f"atari N={num_envs:<2} {'wrapped' if wrapped else 'raw'}"
    return vector_side(name, num_envs, ATARI_WRAPPERS if wrapped else None, {})


def tiny_frame_side(num_envs: int, skipped: bool) -> Tuple[Side, RemoteVectorEnv]:
    """The Atari-shaped env with 1x1 frames: an agent step's cost with next to no bytes to move."""
    name = f"1x1 frames N={num_envs:<2} {'MaxAndSkip(4)' if skipped else 'raw'}"
    wrappers = [ATARI_WRAPPERS[0]] if skipped else None
    return vector_side(name, num_envs, wrappers, {"height": 1, "width": 1})


def vector_side(name: str, num_envs: int, wrappers: Optional[list], kwargs: dict) -> Tuple[Side, RemoteVectorEnv]:
    env = RemoteVectorEnv(ENV_ID, num_envs, ARGS.host, ARGS.port, binary=True, wrappers=wrappers, **kwargs)
    env.reset(seed=0)
    actions = np.random.default_rng(num_envs).integers(0, 6, size=(64, num_envs), dtype=np.int64)
    observation_bytes = int(np.prod(env.single_observation_space.shape)) * num_envs
    frames_per_agent_step = SKIP if wrappers else 1  # every wrapper list here starts with MaxAndSkipObservation(SKIP)
    side = Side(name, lambda i: env.step(actions[i % 64]), num_envs * frames_per_agent_step, observation_bytes,
                num_envs)
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
    if ARGS.server_pid:
        for skipped in (False, True):
            side, env = tiny_frame_side(max(ENVS), skipped)
            sides[("1x1", max(ENVS), skipped)] = side
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

    link = f"a {ARGS.link_mbit:,} Mbit/s link" if ARGS.link_mbit else "loopback"
    print(f"# Wrappers on the server, over {link}: median of {ARGS.rounds} rounds of {ARGS.seconds:g} s per side")
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
    if ARGS.server_pid:
        print_cpu([side for key, side in sides.items() if key[0] in ("atari", "1x1")])
    raw, wrapped = sides[("cartpole", 1, False)], sides[("cartpole", 1, True)]
    print()
    print("| side | steps/s | wrapped / unwrapped |")
    print("|---|---:|---:|")
    print(f"| {raw.name} | {raw.calls_per_second:,.0f} | 1.00 |")
    print(f"| {wrapped.name} | {wrapped.calls_per_second:,.0f} | {wrapped.calls_per_second / raw.calls_per_second:.2f} |")


def print_cpu(sides: List[Side]) -> None:
    print()
    print("CPU microseconds per agent step of one sub-env (median of the rounds):")
    print()
    print("| side | client | server | workers | all |")
    print("|---|---:|---:|---:|---:|")
    for side in sides:
        client, server, workers = (statistics.median(part) for part in zip(*side.cpu_us))
        print(f"| {side.name} | {client:,.1f} | {server:,.1f} | {workers:,.1f} | {client + server + workers:,.1f} |")


if __name__ == "__main__":
    main()

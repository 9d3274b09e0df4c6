"""Lockstep throughput of gymserver_client on one connection: each request is sent after the last reply came.

Usage: python3 examples/throughput.py [--host H] [--port P] [--seconds S] [--json]
Prints single-env CartPole-v1 steps/s, then vector-env (16 sub-envs) env-steps/s.
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

try:
    import gymnasium  # noqa: F401
except ImportError:  # no gymnasium on this machine: use the repository's stand-in (python/tests/fakegym)
    sys.path.insert(1, str(Path(__file__).resolve().parents[3] / "python" / "tests" / "fakegym"))

import numpy as np  # noqa: E402

from gymserver_client import GymClient, RemoteEnv, RemoteVectorEnv  # noqa: E402


def measure(name, steps_per_call, call, seconds):
    warmup = time.perf_counter() + 0.5
    while time.perf_counter() < warmup:
        call()
    calls, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        call()
        calls += 1
    rate = calls / (time.perf_counter() - start)
    steps = rate * steps_per_call
    print(f"{name:<28} {rate:10,.0f} calls/s {steps:12,.0f} env-steps/s  ({1e6 / rate:.1f} us per call)")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=4040)
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--json", action="store_true", help="JSON lines instead of the binary frames the server offers")
    args = parser.parse_args()
    with GymClient(args.host, args.port, binary=False if args.json else None) as client:
        env = RemoteEnv("CartPole-v1", client=client)
        env.reset(seed=0)

        def single_step():
            _, _, terminated, truncated, _ = env.step(0)
            if terminated or truncated:
                env.reset()

        measure("single env", 1, single_step, args.seconds)
        vector = RemoteVectorEnv("CartPole-v1", 16, client=client)
        vector.reset(seed=0)
        actions = np.zeros(16, dtype=np.int64)
        measure(f"vector env x16 ({'binary' if client.binary else 'json'})", 16, lambda: vector.step(actions),
                args.seconds)


if __name__ == "__main__":
    main()

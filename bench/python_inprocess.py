"""The baseline for bench/GymServer.Bench.Python: the same env stepped in-process in Python, no pool in between.

Prints one JSON line: per-step latency percentiles (microseconds) and steps per second.

    /usr/bin/python3 bench/python_inprocess.py --steps 20000 [--env CartPole-v1]
"""

import argparse
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "python", "tests", "fakegym"))

import gymnasium  # noqa: E402  the fake gymnasium, as the benchmark's workers use it
import numpy as np  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=20000)
    parser.add_argument("--warmup", type=int, default=2000)
    parser.add_argument("--env", default="CartPole-v1")
    args = parser.parse_args()
    env = gymnasium.make(args.env)
    env.reset(seed=0)
    clock = time.perf_counter_ns
    samples = np.empty(args.steps, dtype=np.int64)
    for i in range(args.warmup + args.steps):
        start = clock()
        _, _, terminated, truncated, _ = env.step(i % 2)
        elapsed = clock() - start
        if i >= args.warmup:
            samples[i - args.warmup] = elapsed
        if terminated or truncated:
            env.reset()
    micros = samples / 1000.0
    print(json.dumps({
        "p50": float(np.percentile(micros, 50)), "p90": float(np.percentile(micros, 90)),
        "p99": float(np.percentile(micros, 99)), "mean": float(micros.mean()),
        "steps_per_second": float(1e6 / micros.mean()),
    }))


if __name__ == "__main__":
    main()

#!/usr/bin/env bash
# Atari-shaped frames in-process and through GymServer, every side in the same run (bench/README.md, "Pixel envs").
# Builds the server in Release, starts it with Python workers that import the benchmark's env
# (bench/pixels/gymserver_bench_pixels.py) from the given Gymnasium, runs bench/pixels/pixels.py, stops the server.
#   bench/pixels.sh /path/to/Gymnasium                 # or GYMNASIUM_PATH=/path/to/Gymnasium bench/pixels.sh
#   bench/pixels.sh /path/to/Gymnasium --seconds 8 --envs 4,16 --memory-connections 200
# Extra arguments go to pixels.py (--envs, --seconds, --warmup, --sides, --compressions, --memory-connections, ...).
# Server settings: GYM_SERVER_ARGS (e.g. "--Gym:Python:Workers=2 --Gym:Python:VectorSpread=1").
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/pixel-server.sh
source bench/pixel-server.sh
start_pixel_server bench/pixels.sh 4092 "$@"

"$python" bench/pixels/pixels.py --gymnasium "$gymnasium" --port "$port" --http-port "$http_port" --server-pid "$server" "${bench_args[@]}"

#!/usr/bin/env bash
# Server-side wrappers, every side in the same run (bench/README.md, "Wrappers"): the Atari-shaped env of
# bench/pixels.sh raw vs MaxAndSkipObservation(4) + GrayscaleObservation + ResizeObservation(84x84) +
# FrameStackObservation(4) applied on the server (bytes per agent step, env frames per second reaching the agent;
# one env and vectors of 4 and 16), and CartPole-v1 native with NormalizeObservation vs unwrapped over TCP.
# Builds the server in Release, starts it with Python workers importing the benchmark's env from the given Gymnasium
# (GrayscaleObservation, ResizeObservation and FrameStackObservation run in C# in the server by default; with
# GYM_SERVER_ARGS="--Gym:Envs:NativeObservationWrappers=false" the workers apply them all, ResizeObservation then
# needing opencv: apt-get install python3-opencv), runs bench/wrappers/wrappers.py, stops the server.
#   bench/wrappers.sh /path/to/Gymnasium                 # or GYMNASIUM_PATH=/path/to/Gymnasium bench/wrappers.sh
#   bench/wrappers.sh /path/to/Gymnasium --seconds 4 --rounds 5 --envs 1,4,16
# Server settings: GYM_SERVER_ARGS (e.g. "--Gym:Python:Workers=2").
# Through a network link instead of loopback: GYM_BENCH_LINK_MBIT=1000 (root and iproute2; bench/link.sh): the client
# runs in a network namespace of its own, joined to the server's by a veth pair shaped to that many Mbit/s.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/pixel-server.sh
source bench/pixel-server.sh
link_client=()
host=127.0.0.1
link_args=()
if [[ -n "${GYM_BENCH_LINK_MBIT:-}" ]]; then
  # shellcheck source=bench/link.sh
  source bench/link.sh
  open_shaped_link "$GYM_BENCH_LINK_MBIT"
  server_address=$link_server_address
  host=$link_server_address
  link_args=(--link-mbit "$GYM_BENCH_LINK_MBIT")
fi
start_pixel_server bench/wrappers.sh 4093 "$@"

"${link_client[@]}" "$python" bench/wrappers/wrappers.py --gymnasium "$gymnasium" --host "$host" --port "$port" \
  --server-pid "$server" "${link_args[@]}" "${bench_args[@]}"

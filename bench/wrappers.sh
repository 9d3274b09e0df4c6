#!/usr/bin/env bash
# Server-side wrappers, every side in the same run (bench/README.md, "Wrappers"): the Atari-shaped env of
# bench/pixels.sh raw vs MaxAndSkipObservation(4) + GrayscaleObservation + ResizeObservation(84x84) +
# FrameStackObservation(4) applied on the server (bytes per agent step, env frames per second reaching the agent;
# one env and vectors of 4 and 16), and CartPole-v1 native with NormalizeObservation vs unwrapped over TCP.
# Builds the server in Release, starts it with Python workers importing the benchmark's env from the given Gymnasium
# (ResizeObservation needs opencv: apt-get install python3-opencv), runs bench/wrappers/wrappers.py, stops the server.
#   bench/wrappers.sh /path/to/Gymnasium                 # or GYMNASIUM_PATH=/path/to/Gymnasium bench/wrappers.sh
#   bench/wrappers.sh /path/to/Gymnasium --seconds 4 --rounds 5 --envs 1,4,16
# Server settings: GYM_SERVER_ARGS (e.g. "--Gym:Python:Workers=2").
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/server.sh
source bench/server.sh

gymnasium="${GYMNASIUM_PATH:-}"
if [[ $# -gt 0 && "$1" != --* ]]; then
  gymnasium="$1"
  shift
fi
if [[ -z "$gymnasium" || ! -d "$gymnasium" ]]; then
  echo "usage: bench/wrappers.sh GYMNASIUM_CHECKOUT [wrappers.py options] (or set GYMNASIUM_PATH)" >&2
  exit 2
fi
gymnasium="$(cd "$gymnasium" && pwd)"
python="${GYM_BENCH_PYTHON:-/usr/bin/python3}"

dotnet build GymServer.Web -c Release -v quiet -nologo

port="${GYM_BENCH_PORT:-4093}"
http_port="${GYM_BENCH_HTTP_PORT:-5093}"
server_args=(--Gym:Tcp:Port="$port" --urls "http://127.0.0.1:$http_port" --Logging:LogLevel:Default=Warning
  --Gym:Python:Executable="$python" --Gym:Python:PythonPath:0="$gymnasium" --Gym:Python:PythonPath:1="$PWD/bench/pixels"
  --Gym:Python:Imports:0=gymserver_bench_pixels --Gym:Tcp:MaxEnvsPerConnection=64)
# shellcheck disable=SC2206 # split on purpose: several settings in one variable
server_args+=(${GYM_SERVER_ARGS:-})

dotnet GymServer.Web/bin/Release/net10.0/GymServer.Web.dll "${server_args[@]}" &
server=$!
stop_on_exit "$server"
wait_for_port "$port" 600

"$python" bench/wrappers/wrappers.py --gymnasium "$gymnasium" --port "$port" "$@"

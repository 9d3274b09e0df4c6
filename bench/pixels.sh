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
# shellcheck source=bench/server.sh
source bench/server.sh

gymnasium="${GYMNASIUM_PATH:-}"
if [[ $# -gt 0 && "$1" != --* ]]; then
  gymnasium="$1"
  shift
fi
if [[ -z "$gymnasium" || ! -d "$gymnasium" ]]; then
  echo "usage: bench/pixels.sh GYMNASIUM_CHECKOUT [pixels.py options] (or set GYMNASIUM_PATH)" >&2
  exit 2
fi
gymnasium="$(cd "$gymnasium" && pwd)"
python="${GYM_BENCH_PYTHON:-/usr/bin/python3}"

dotnet build GymServer.Web -c Release -v quiet -nologo

port="${GYM_BENCH_PORT:-4092}"
http_port="${GYM_BENCH_HTTP_PORT:-5092}"
server_args=(--Gym:Tcp:Port="$port" --urls "http://127.0.0.1:$http_port" --Logging:LogLevel:Default=Warning
  --Gym:Python:Executable="$python" --Gym:Python:PythonPath:0="$gymnasium" --Gym:Python:PythonPath:1="$PWD/bench/pixels"
  --Gym:Python:Imports:0=gymserver_bench_pixels --Gym:Tcp:MaxEnvsPerConnection=64)
# shellcheck disable=SC2206 # split on purpose: several settings in one variable
server_args+=(${GYM_SERVER_ARGS:-})

dotnet GymServer.Web/bin/Release/net10.0/GymServer.Web.dll "${server_args[@]}" &
server=$!
stop_on_exit "$server"
wait_for_port "$port" 600

"$python" bench/pixels/pixels.py --gymnasium "$gymnasium" --port "$port" --http-port "$http_port" --server-pid "$server" "$@"

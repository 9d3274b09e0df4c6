# Sourced by bench/pixels.sh and bench/wrappers.sh, which measure the Atari-shaped env of bench/pixels through a
# GymServer of their own.

# shellcheck source=bench/server.sh
source bench/server.sh

# start_pixel_server SCRIPT DEFAULT_PORT ARG...: takes the Gymnasium checkout from the first ARG (or GYMNASIUM_PATH),
# builds the server in Release and starts it with Python workers that import the benchmark's env from that checkout,
# on GYM_BENCH_PORT (default DEFAULT_PORT) and GYM_BENCH_HTTP_PORT (DEFAULT_PORT + 1000), plus GYM_SERVER_ARGS.
# The server listens on server_address when the caller sets it (bench/link.sh's end of a shaped link), else on
# 127.0.0.1. Sets gymnasium, python, port, http_port, server (its pid, stopped on exit) and bench_args (the other
# ARGs).
start_pixel_server() {
  local script=$1 default_port=$2
  shift 2
  gymnasium="${GYMNASIUM_PATH:-}"
  if [[ $# -gt 0 && "$1" != --* ]]; then
    gymnasium="$1"
    shift
  fi
  if [[ -z "$gymnasium" || ! -d "$gymnasium" ]]; then
    echo "usage: $script GYMNASIUM_CHECKOUT [options] (or set GYMNASIUM_PATH)" >&2
    exit 2
  fi
  bench_args=("$@")
  gymnasium="$(cd "$gymnasium" && pwd)"
  python="${GYM_BENCH_PYTHON:-/usr/bin/python3}"

  dotnet build GymServer.Web -c Release -v quiet -nologo

  port="${GYM_BENCH_PORT:-$default_port}"
  http_port="${GYM_BENCH_HTTP_PORT:-$((default_port + 1000))}"
  local address="${server_address:-127.0.0.1}"
  local server_args=(--Gym:Tcp:Address="$address" --Gym:Tcp:Port="$port" --urls "http://127.0.0.1:$http_port" --Logging:LogLevel:Default=Warning
    --Gym:Python:Executable="$python" --Gym:Python:PythonPath:0="$gymnasium" --Gym:Python:PythonPath:1="$PWD/bench/pixels"
    --Gym:Python:Imports:0=gymserver_bench_pixels --Gym:Node:MaxEnvsPerConnection=64)
  # shellcheck disable=SC2206 # split on purpose: several settings in one variable
  server_args+=(${GYM_SERVER_ARGS:-})

  dotnet GymServer.Web/bin/Release/net10.0/GymServer.Web.dll "${server_args[@]}" &
  server=$!
  stop_on_exit "$server"
  wait_for_port "$port" 600 "$address"
}

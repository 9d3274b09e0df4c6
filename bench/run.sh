#!/usr/bin/env bash
# Builds the server and the load generator in Release, starts the server on a free port, runs the load generator
# against it (floor and server in one run), and stops the server. Extra arguments go to the load generator.
#   bench/run.sh                         # 1, 16, 64 connections, then 1,000 idle + 16 active
#   bench/run.sh --seconds 10            # longer runs
#   bench/run.sh --detail true           # ... with the latency distribution of every run
#   GYM_SERVER_ARGS="--Gym:Tcp:InlineScheduling=false" bench/run.sh   # any server setting (here Kestrel's default scheduling)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/server.sh
source bench/server.sh

dotnet build GymServer.Web -c Release -v quiet -nologo
dotnet build bench/GymServer.LoadGen -c Release -v quiet -nologo

port="${GYM_BENCH_PORT:-4090}"
server_args=(--Gym:Tcp:Port="$port" --Gym:DmEnvRpc:Port=0 --urls http://127.0.0.1:0 --Logging:LogLevel:Default=Warning)
# shellcheck disable=SC2206 # split on purpose: several settings in one variable
server_args+=(${GYM_SERVER_ARGS:-})

dotnet GymServer.Web/bin/Release/net10.0/GymServer.Web.dll "${server_args[@]}" &
server=$!
stop_on_exit "$server"

wait_for_port "$port"

dotnet bench/GymServer.LoadGen/bin/Release/net10.0/GymServer.LoadGen.dll --port "$port" "$@"

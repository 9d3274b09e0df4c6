#!/usr/bin/env bash
# Builds the server and the vector benchmark in Release, starts the server (port 4091), runs step_vec over one
# connection, JSON then binary, and stops the server. Extra arguments go to the benchmark
# (--envs 1,16,256,1024 --encodings json,binary --seconds 3 --warmup 1 --env CartPole-v1).
#   bench/vector.sh
#   bench/vector.sh --envs 1024 --encodings binary --seconds 10
# The in-process profile of the server's vector path (no sockets) needs no server:
#   dotnet run -c Release --project bench/GymServer.Bench.Vector -- --profile true
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/server.sh
source bench/server.sh

dotnet build GymServer.Web -c Release -v quiet -nologo
dotnet build bench/GymServer.Bench.Vector -c Release -v quiet -nologo

port="${GYM_BENCH_PORT:-4091}"
dotnet GymServer.Web/bin/Release/net10.0/GymServer.Web.dll --Gym:Tcp:Port="$port" --Gym:DmEnvRpc:Port=0 \
  --urls http://127.0.0.1:0 --Logging:LogLevel:Default=Warning &
server=$!
stop_on_exit "$server"

wait_for_port "$port"

dotnet bench/GymServer.Bench.Vector/bin/Release/net10.0/GymServer.Bench.Vector.dll --port "$port" "$@"

#!/usr/bin/env bash
# Soak: N concurrent connections stepping native and Python envs for a while against the Release server, its RSS
# sampled, step latency percentiles, and (optionally) a random Python worker killed every K seconds.
# Usage: bench/soak.sh [seconds] [connections] [python-fraction] [kill-every-seconds]
#   bench/soak.sh 180 1000 0.1 0     # load: 1,000 connections, 10 % on Python envs (fake gymnasium), no faults
#   bench/soak.sh 120 1000 0.1 15    # faults: the same, killing a Python worker every 15 s
# Writes bench/results/soak-<seconds>s-<connections>c-kill<k>.txt; exits non-zero on any error but worker_lost.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/server.sh
source bench/server.sh
seconds="${1:-180}"; connections="${2:-1000}"; fraction="${3:-0.1}"; kill_every="${4:-0}"
workers="${GYM_SOAK_WORKERS:-4}"
port="${GYM_SOAK_PORT:-4091}"
mkdir -p bench/results
report="bench/results/soak-${seconds}s-${connections}c-kill${kill_every}.txt"

dotnet build GymServer.Web -c Release -v quiet -nologo
dotnet build bench/GymServer.Soak -c Release -v quiet -nologo

dotnet GymServer.Web/bin/Release/net10.0/GymServer.Web.dll --Gym:Tcp:Port="$port" --Gym:DmEnvRpc:Port=0 --urls http://127.0.0.1:0 \
  --Logging:LogLevel:Default=Warning --Gym:Tcp:MaxConnections=5000 \
  --Gym:Python:Workers="$workers" --Gym:Python:Executable=/usr/bin/python3 \
  --Gym:Python:PythonPath:0="$PWD/python/tests/fakegym" --Gym:Python:RestartBackoff=00:00:00.2 > "$report.server.log" 2>&1 &
server=$!
stop_on_exit "$server"
wait_for_port "$port" 300
ulimit -n 65536 2>/dev/null || true
status=0
dotnet bench/GymServer.Soak/bin/Release/net10.0/GymServer.Soak.dll --port "$port" --server-pid "$server" \
  --connections "$connections" --seconds "$seconds" --python-fraction "$fraction" --kill-every "$kill_every" --report "$report" || status=$?
# The server logs how many envs each lost worker hosted: the clients' worker_lost count must not exceed it.
lost=$({ grep -o '[0-9]* env(s) on it are gone' "$report.server.log" || true; } | awk '{s+=$1} END {print s+0}')
errors=$(grep -c '^fail:' "$report.server.log" || true)
echo "server: envs on killed workers ${lost}; error log entries ${errors}" | tee -a "$report"
exit "$status"

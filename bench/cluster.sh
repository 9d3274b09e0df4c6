#!/usr/bin/env bash
# Cluster benchmark (docs/cluster.md): three GymServer nodes on this machine with Redis membership.
#  1. lockstep latency of one connection whose env is local, then of one whose env is on another node;
#  2. aggregate steps/s of 16 connections on each of 3 nodes at once, against 16 and 48 connections on one node.
# Native CartPole-v1 (no Python) so that what differs is the cluster hop, not the env.
#   bench/cluster.sh            # 6 s per measurement
#   GYM_BENCH_SECONDS=10 bench/cluster.sh
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${GYM_BENCH_SECONDS:-6}"

dotnet build GymServer.Web -c Release -v quiet -nologo
dotnet build bench/GymServer.ClusterBench -c Release -v quiet -nologo
web=GymServer.Web/bin/Release/net10.0/GymServer.Web.dll
bench=bench/GymServer.ClusterBench/bin/Release/net10.0/GymServer.ClusterBench.dll
logs=$(mktemp -d)
pids=()
# Nodes first, newest first, Redis last: a node whose membership table is gone cannot leave the cluster cleanly.
stop_all() {
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    kill -TERM "${pids[i]}" 2>/dev/null || true
    wait "${pids[i]}" 2>/dev/null || true
  done
}
trap stop_all EXIT

redis_port=16479
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no >"$logs/redis.log" &
pids+=($!)

# start_node NAME TCP_PORT HTTP_PORT SILO_PORT PLACEMENT
start_node() {
  dotnet "$web" --urls "http://127.0.0.1:$3" --Gym:Tcp:Port="$2" --Gym:DmEnvRpc:Port=0 --Gym:Python:Workers=0 \
    --Gym:Cluster:Enabled=true --Gym:Cluster:Membership=redis --Gym:Cluster:Redis="127.0.0.1:$redis_port" \
    --Gym:Cluster:SiloPort="$4" --Gym:Cluster:GatewayPort=0 --Gym:Cluster:NodeName="$1" \
    --Gym:Cluster:ClusterId="bench-$$" --Gym:Cluster:Placement="$5" \
    --Logging:LogLevel:Default=Warning --Logging:LogLevel:GymServer.Web.Cluster=Information >"$logs/$1.log" 2>&1 &
  pids+=($!)
  last=$!
}
# A places by load (so that the latency run can push an env to another node); B and C keep envs local.
start_node A 14151 15151 16151 least-loaded
a_pid=$last
start_node B 14152 15152 16152 local-first
start_node C 14153 15153 16153 local-first
for _ in $(seq 1 300); do
  count=$(curl -s http://127.0.0.1:15151/cluster/nodes | grep -o '"name"' | wc -l || true)
  [ "$count" -ge 3 ] && break
  sleep 0.2
done
echo "nodes: $(curl -s http://127.0.0.1:15151/cluster/nodes | grep -o '"name":"[A-C]"' | tr '\n' ' ')"

run() { dotnet "$bench" --seconds "$seconds" "$@"; }

echo "== latency, 1 connection on A, env local (least-loaded: A has no envs, its own snapshot wins ties)"
run --ports 14151 --connections 1
# Five idle envs on A make it the most loaded node: the next env goes to B or C.
/usr/bin/python3 - <<'PY' &
import socket, time
held = []
for _ in range(5):
    s = socket.create_connection(("127.0.0.1", 14151)); held.append(s)
    s.sendall(b'{"server":{"protocol":2}}\n{"make":{"id":"CartPole-v1"}}\n')
time.sleep(3600)
PY
holder=$!
pids+=($holder)
sleep 2.5  # two snapshot intervals: the others learn that A holds five envs
placed_before=$(grep -c "placed on node" "$logs/A.log" || true)
echo "== latency, 1 connection on A, env on another node"
run --ports 14151 --connections 1
echo "   (envs A placed remotely during that run: $(( $(grep -c "placed on node" "$logs/A.log" || true) - placed_before )))"
kill "$holder"

# A again, local-first this time, so that every node of the throughput run steps its own envs.
kill -TERM "$a_pid"; wait "$a_pid" 2>/dev/null || true
start_node A 14154 15154 16154 local-first
for _ in $(seq 1 300); do
  curl -s http://127.0.0.1:15154/cluster/nodes | grep -q '"name":"B"' && curl -s http://127.0.0.1:15154/cluster/nodes | grep -q '"name":"C"' && break
  sleep 0.2
done
echo "== throughput, one node: 16 and 48 connections on B (envs local)"
run --ports 14152 --connections 16
run --ports 14152 --connections 48
echo "== throughput, three nodes: 16 connections on each of A, B, C at once"
run --ports 14154,14152,14153 --connections 16

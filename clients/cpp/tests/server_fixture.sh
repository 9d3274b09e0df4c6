#!/usr/bin/env bash
# Starts or stops a real GymServer for the C++ client's tests.
#   server_fixture.sh start <state dir>       starts it on a free TCP port, writes the port to <state dir>/port
#   server_fixture.sh start-python <state dir> the same with one Python worker serving the repository's test envs
#   server_fixture.sh start-tls <state dir>   the same with TLS on the TCP port, with a test CA and certificate
#                                             made now in <state dir>/certs (ca.pem, other-ca.pem, server.pem)
#   server_fixture.sh stop <state dir>        stops it (SIGTERM, then SIGKILL after 10 s)
# The server is the Release build .ci/test makes (override with GYMSERVER_DLL).
set -euo pipefail
action="$1"
state="$2"
repo="$(cd "$(dirname "$0")/../../.." && pwd)"
dll="${GYMSERVER_DLL:-$repo/GymServer.Web/bin/Release/net10.0/GymServer.Web.dll}"

start() {
  [ -f "$dll" ] || { echo "no server build at $dll (dotnet build GymServer.Web -c Release)" >&2; exit 1; }
  mkdir -p "$state"
  rm -f "$state/port" "$state/pid"
  : >"$state/server.log"
  # Port 0: the server binds a free port and logs it, so two runs never race for one port. The server writes its own
  # pid: setsid forks when its caller leads a process group, and then $! would be a setsid that already exited.
  setsid bash -c 'echo $$ >"$0/pid"; exec "$@"' "$state" dotnet exec "$dll" --Gym:Tcp:Port=0 --Gym:DmEnvRpc:Port=0 \
    --urls http://127.0.0.1:0 --Gym:Python:Workers=0 --Gym:Media:Root="$state/media" "$@" </dev/null >"$state/server.log" 2>&1 &
  for _ in $(seq 1 100); do [ -s "$state/pid" ] && break; sleep 0.1; done
  # Wait for the listening line (at most 60 s), failing at once if the server exits.
  for _ in $(seq 1 600); do
    port="$(sed -n 's/.*Gym TCP protocol listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$state/server.log" | head -n 1)"
    if [ -n "$port" ]; then
      echo "$port" >"$state/port"
      echo "GymServer pid $(cat "$state/pid") listening on 127.0.0.1:$port"
      exit 0
    fi
    kill -0 "$(cat "$state/pid")" 2>/dev/null || { cat "$state/server.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "the server did not start within 60 s" >&2
  cat "$state/server.log" >&2
  exit 1
}

case "$action" in
  start)
    start
    ;;
  start-python)
    # One Python worker on the repository's fake gymnasium, for the pixel-sized test env.
    start --Gym:Python:Workers=1 --Gym:Python:Executable=/usr/bin/python3 \
      --Gym:Python:PythonPath:0="$repo/python/tests/fakegym" --Gym:Python:Imports:0=gymserver_testenvs
    ;;
  start-tls)
    bash "$repo/clients/scenarios/make-test-certificates.sh" "$state/certs"
    start --Gym:Tcp:Tls:Enabled=true --Gym:Tcp:Tls:Certificate:Path="$state/certs/server.pem" \
      --Gym:Tcp:Tls:Certificate:KeyPath="$state/certs/server.key"
    ;;
  stop)
    [ -f "$state/pid" ] || exit 0
    pid="$(cat "$state/pid")"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || { rm -f "$state/pid" "$state/port"; exit 0; }
      sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    rm -f "$state/pid" "$state/port"
    ;;
  *)
    echo "usage: $0 start|start-python|start-tls|stop <state dir>" >&2
    exit 2
    ;;
esac

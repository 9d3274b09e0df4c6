#!/usr/bin/env bash
# Runs OpenAI's gym-http-api test suite (its tests/test_api.py with its gym_http_client.py, both unchanged) against a
# GymServer started here on free loopback ports, and prints the suite's counts. Exits with pytest's status.
#
#   bench/gym-http-api-suite.sh CHECKOUT [GYM]
#
# CHECKOUT  a checkout of github.com/openai/gym-http-api (nothing is written into it).
# GYM       a PYTHONPATH entry holding gym 0.18.3 (its source tree; its toy-text envs need python3-scipy), for the
#           server's Python workers: the suite makes FrozenLake-v0, which gym renamed FrozenLake-v1 in 0.19 (GymServer
#           serves FrozenLake-v1 natively). Without it the server runs no Python workers and the two tests that make
#           FrozenLake-v0 fail.
#
# The suite's own fixture would start gym_http_server.py on port 5000; bench/gym_http_api_live.py (a pytest plugin)
# points it at this server instead. Needs Debian's python3-pytest, python3-requests and python3-six.
# docs/protocol.md ("gym-http-api's own test suite") has the results.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/server.sh
source bench/server.sh

if [ "$#" -lt 1 ] || [ ! -f "$1/tests/test_api.py" ] || [ ! -f "$1/gym_http_client.py" ]; then
  echo "usage: $0 GYM_HTTP_API_CHECKOUT [GYM_0.18_PYTHONPATH]" >&2
  exit 2
fi
checkout=$(cd "$1" && pwd)
repo=$PWD
python=/usr/bin/python3

dotnet build GymServer.Web -c Release -v quiet -nologo

work=$(mktemp -d)
read -r http_port tcp_port < <("$python" -c '
import socket
sockets = [socket.socket() for _ in range(2)]
for s in sockets:
    s.bind(("127.0.0.1", 0))
print(*(s.getsockname()[1] for s in sockets))')
server_args=(--urls "http://127.0.0.1:$http_port" --Gym:Tcp:Address=127.0.0.1 --Gym:Tcp:Port="$tcp_port"
  --Gym:DmEnvRpc:Port=0 --Gym:Media:Root="$work/media" --Logging:LogLevel:Default=Warning)
if [ "$#" -ge 2 ]; then
  gym_path=$(cd "$2" && pwd)
  server_args+=(--Gym:Python:Workers=1 --Gym:Python:Executable="$python" --Gym:Python:PythonPath:0="$gym_path")
else
  echo "no gym given: the server runs without Python workers, so the tests that make FrozenLake-v0 fail" >&2
  server_args+=(--Gym:Python:Workers=0)
fi

dotnet GymServer.Web/bin/Release/net10.0/GymServer.Web.dll "${server_args[@]}" > "$work/server.log" 2>&1 &
server=$!
trap 'kill -TERM "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
wait_for_port "$http_port" 600

status=0
(
  cd "$checkout"
  PYTHONDONTWRITEBYTECODE=1 PYTHONPATH="$repo/bench:$checkout" GYM_HTTP_API_URL="http://127.0.0.1:$http_port" \
    "$python" -m pytest tests/test_api.py -p gym_http_api_live -p no:nose -p no:cacheprovider -q -rfs \
    --junitxml="$work/junit.xml"
) || status=$?

"$python" - "$work/junit.xml" <<'EOF'
import sys
import xml.etree.ElementTree as ElementTree

root = ElementTree.parse(sys.argv[1]).getroot()
suite = root if root.tag == "testsuite" else root.find("testsuite")
total, skipped = int(suite.get("tests")), int(suite.get("skipped"))
failed = int(suite.get("failures")) + int(suite.get("errors"))
print(f"gym-http-api tests/test_api.py against GymServer: {total - failed - skipped} passed, {failed} failed, "
      f"{skipped} skipped (of {total})")
EOF
if [ "$status" -ne 0 ]; then
  echo "server log (last lines):" >&2
  tail -n 20 "$work/server.log" >&2
fi
exit "$status"

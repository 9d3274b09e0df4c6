#!/usr/bin/env bash
# Runs dm_env_rpc's own compliance suite (dm_env_rpc/v1/compliance, unchanged) and a dm_env agent loop through
# dm_env_rpc's dm_env adaptor against a GymServer started here on free loopback ports, and prints their counts.
# Exits non-zero if either fails.
#
#   bench/dm-env-rpc-compliance.sh DM_ENV_RPC_CHECKOUT DM_ENV_CHECKOUT
#
# DM_ENV_RPC_CHECKOUT  a checkout of github.com/google-deepmind/dm_env_rpc; its Python sources are copied to a
#                      temporary folder (nothing is written into the checkout), beside Python bindings generated
#                      there from GymServer's own .proto files (GymServer.Web/DmEnvRpc/Protos: same packages,
#                      names and field numbers), since its own bindings are generated at install time.
# DM_ENV_CHECKOUT      a checkout of github.com/google-deepmind/dm_env (pure Python; the adaptor needs it).
#
# Needs Debian's python3-grpcio, python3-protobuf, python3-absl, python3-immutabledict, python3-numpy,
# python3-pytest, protobuf-compiler and protobuf-compiler-grpc. The server runs the repository's test envs on one
# Python worker (python/tests/fakegym) so the suite also covers a Dict observation and a Tuple action.
# docs/dm_env_rpc.md ("Compliance") has the results.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/server.sh
source bench/server.sh

if [ "$#" -lt 2 ] || [ ! -d "$1/dm_env_rpc/v1/compliance" ] || [ ! -f "$2/dm_env/__init__.py" ]; then
  echo "usage: $0 DM_ENV_RPC_CHECKOUT DM_ENV_CHECKOUT" >&2
  exit 2
fi
dm_env_rpc=$(cd "$1" && pwd)
dm_env=$(cd "$2" && pwd)
repo=$PWD
python=/usr/bin/python3

dotnet build GymServer.Web -c Release -v quiet -nologo

work=$(mktemp -d)
read -r http_port tcp_port rpc_port < <("$python" -c '
import socket
sockets = [socket.socket() for _ in range(3)]
for s in sockets:
    s.bind(("127.0.0.1", 0))
print(*(s.getsockname()[1] for s in sockets))')

# dm_env_rpc's sources, and bindings of GymServer's .proto files where its package expects its own.
mkdir -p "$work/py"
cp -r "$dm_env_rpc/dm_env_rpc" "$work/py/"
protoc -I GymServer.Web/DmEnvRpc/Protos --python_out="$work/py" --grpc_python_out="$work/py" \
  --plugin=protoc-gen-grpc_python="$(command -v grpc_python_plugin)" \
  dm_env_rpc/v1/dm_env_rpc.proto google/rpc/status.proto

dotnet GymServer.Web/bin/Release/net10.0/GymServer.Web.dll --urls "http://127.0.0.1:$http_port" \
  --Gym:Tcp:Address=127.0.0.1 --Gym:Tcp:Port="$tcp_port" --Gym:DmEnvRpc:Port="$rpc_port" \
  --Gym:Media:Root="$work/media" --Logging:LogLevel:Default=Warning \
  --Gym:Python:Workers=1 --Gym:Python:Executable="$python" \
  --Gym:Python:PythonPath:0="$repo/python/tests/fakegym" --Gym:Python:Imports:0=gymserver_testenvs \
  > "$work/server.log" 2>&1 &
server=$!
trap 'kill -TERM "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
wait_for_port "$rpc_port" 600
wait_for_port "$tcp_port" 600

export PYTHONDONTWRITEBYTECODE=1
export PYTHONPATH="$work/py:$dm_env:$repo/clients/python:$repo/python/tests/fakegym"
export DM_ENV_RPC_ADDRESS="127.0.0.1:$rpc_port" GYM_TCP_PORT="$tcp_port" DM_ENV_RPC_PYTHON_TEST_ENVS=1

status=0
"$python" -m pytest bench/dm_env_rpc/compliance_test.py -p no:cacheprovider -q -rfs --junitxml="$work/junit.xml" \
  || status=$?
"$python" - "$work/junit.xml" <<'PY'
import sys
import xml.etree.ElementTree as ElementTree

root = ElementTree.parse(sys.argv[1]).getroot()
suite = root if root.tag == "testsuite" else root.find("testsuite")
total, skipped = int(suite.get("tests")), int(suite.get("skipped"))
failed = int(suite.get("failures")) + int(suite.get("errors"))
print(f"dm_env_rpc compliance suite against GymServer: {total - failed - skipped} passed, {failed} failed, "
      f"{skipped} skipped (of {total})")
PY
"$python" bench/dm_env_rpc/agent_loop.py || status=$?

if [ "$status" -ne 0 ]; then
  echo "server log (last lines):" >&2
  tail -n 20 "$work/server.log" >&2
fi
exit "$status"

#!/usr/bin/env bash
# Runs the worker's tests (python/tests) against real Gymnasium and gym installations, one after another, and prints
# the matrix of docs/worker-versions.md: one row per installation with its passed, failed and skipped counts, and
# under it every failure and every skip reason (with how many tests it skipped).
#
# Usage: python/tests/run_version_matrix.sh DIR...
#   Each DIR is a PYTHONPATH entry holding a gymnasium/ or gym/ package: a source tree of a release (how
#   docs/worker-versions.md makes them) or a site-packages directory. Runs with Debian's /usr/bin/python3.
#   Under xvfb-run when it is installed, so gym 0.21 can render classic control with pyglet (it needs a display).
# Exits non-zero if a test failed or an installation could not be imported.
set -uo pipefail
cd "$(dirname "$0")/.."

if [ "$#" -eq 0 ]; then
  echo "usage: $0 DIR... (each a PYTHONPATH entry holding gymnasium/ or gym/)" >&2
  exit 2
fi

python=/usr/bin/python3
display=()
command -v xvfb-run >/dev/null && display=(xvfb-run -a)
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
status=0

printf '| %-20s | %-10s | %6s | %6s | %7s |\n' installation "reports" passed failed skipped
printf '|%s|%s|%s|%s|%s|\n' "----------------------" "------------" "--------" "--------" "---------"
for dir in "$@"; do
  dir=$(cd "$dir" && pwd) || { status=1; continue; }
  name=$(basename "$dir")
  reported=$(PYTHONPATH="$dir" "$python" -W ignore -c '
try:
    import gymnasium as gym
except ImportError:
    import gym
print(gym.__name__, gym.__version__)' 2>/dev/null | tail -n 1)
  if [ -z "$reported" ]; then
    printf '| %-20s | %-10s | %6s | %6s | %7s |\n' "$name" "no import" - - -
    status=1
    continue
  fi
  xml="$results/$name.xml"
  GYMSERVER_TEST_BACKEND="$dir" "${display[@]}" "$python" -m pytest tests -q -p no:cacheprovider -rfEs \
    --junitxml="$xml" > "$results/$name.log" 2>&1 || status=1
  "$python" - "$name" "${reported#* }" "$xml" "$results/$name.log" <<'EOF'
import re
import sys
import xml.etree.ElementTree as ElementTree

name, reported, xml, log = sys.argv[1:]
try:
    suite = ElementTree.parse(xml).getroot()
    suite = suite if suite.tag == "testsuite" else suite.find("testsuite")
    total, failed = int(suite.get("tests")), int(suite.get("failures")) + int(suite.get("errors"))
    skipped = int(suite.get("skipped"))
    print(f"| {name:<20} | {reported:<10} | {total - failed - skipped:>6} | {failed:>6} | {skipped:>7} |")
except (OSError, ElementTree.ParseError) as error:
    print(f"| {name:<20} | {reported:<10} | pytest did not finish ({error}) |")
skips = {}
with open(log) as file:
    for line in file:
        if line.startswith(("FAILED", "ERROR")):
            print(f"|   {line.strip()}")
        match = re.match(r"SKIPPED \[(\d+)\] [^:]+:\d+: (.*)", line)
        if match:
            skips[match.group(2)] = skips.get(match.group(2), 0) + int(match.group(1))
for reason, count in sorted(skips.items()):
    print(f"|   skipped {count}: {reason}")
EOF
done
exit "$status"

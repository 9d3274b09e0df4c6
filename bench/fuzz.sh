#!/usr/bin/env bash
# The protocol fuzzer (GymServer.Tests/Fuzz) run for a long time instead of the suite's ~100,000 lines.
# Usage: bench/fuzz.sh [seconds] [seed]   (default 600 s; a CsCheck seed reproduces a run)
# Prints, and writes to bench/results/fuzz.txt, how many request lines and connections were fuzzed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
mkdir -p bench/results
dotnet build GymServer.Tests --configuration Release --verbosity quiet -nologo
GYM_FUZZ_SECONDS="$seconds" GYM_FUZZ_SEED="${2:-}" GYM_FUZZ_REPORT="$PWD/bench/results/fuzz.txt" \
  dotnet test GymServer.Tests --configuration Release --no-build --verbosity quiet -nologo --logger "console;verbosity=detailed" \
    --filter "FullyQualifiedName~ProtocolFuzzTests" --blame-hang-timeout "$((seconds + 300))s"
cat bench/results/fuzz.txt

# Sourced by the benchmark scripts that start a GymServer of their own (run.sh, vector.sh, soak.sh).

# run_on_exit COMMAND: when the script exits, however it exits, COMMAND runs (eval'd), the latest registered first.
exit_commands=()
run_on_exit() {
  exit_commands=("$1" "${exit_commands[@]}")
  trap 'for exit_command in "${exit_commands[@]}"; do eval "$exit_command"; done' EXIT
}

# stop_on_exit PID: when the script exits, however it exits, the process gets SIGTERM and is waited for.
stop_on_exit() {
  stopped_on_exit=$1
  run_on_exit 'kill -TERM "$stopped_on_exit" 2>/dev/null; wait "$stopped_on_exit" 2>/dev/null || true'
}

# wait_for_port PORT [TRIES] [HOST]: returns once HOST (default 127.0.0.1):PORT accepts a connection, or after TRIES
# tries 0.1 s apart (default 100); the benchmark that follows reports a server that never came up.
wait_for_port() {
  for _ in $(seq 1 "${2:-100}"); do
    if (exec 3<>"/dev/tcp/${3:-127.0.0.1}/$1") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
}

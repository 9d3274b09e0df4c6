# Sourced by the benchmark scripts that start a GymServer of their own (run.sh, vector.sh, soak.sh).

# stop_on_exit PID: when the script exits, however it exits, the process gets SIGTERM and is waited for.
stop_on_exit() {
  stopped_on_exit=$1
  trap 'kill -TERM "$stopped_on_exit" 2>/dev/null; wait "$stopped_on_exit" 2>/dev/null || true' EXIT
}

# wait_for_port PORT [TRIES]: returns once 127.0.0.1:PORT accepts a connection, or after TRIES tries 0.1 s apart
# (default 100); the benchmark that follows reports a server that never came up.
wait_for_port() {
  for _ in $(seq 1 "${2:-100}"); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
}

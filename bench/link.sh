# Sourced by bench/wrappers.sh when GYM_BENCH_LINK_MBIT is set: a network link of that rate between the benchmark's
# client and its server. On loopback a 100 KB frame's trip is bounded by the CPU, not by its bytes; on a network link
# the bytes count, which is what server-side wrappers save. Needs root and iproute2: the client runs in a network
# namespace of its own, joined to this one by a veth pair whose two ends are each shaped to the rate by tbf.

link_namespace=gymserver-bench-link
link_server_address=10.77.0.1

# open_shaped_link MBIT: makes the namespace and the link (removing any left by an earlier run), removes them when
# the script exits, and sets link_client: the command prefix that runs a program in the client's namespace.
open_shaped_link() {
  local mbit=$1
  if ! [[ "$mbit" =~ ^[0-9]+$ ]] || ((mbit == 0)); then
    echo "GYM_BENCH_LINK_MBIT must be a rate in Mbit/s, e.g. 1000; got '$mbit'" >&2
    exit 2
  fi
  # tbf needs a bucket of at least what the rate sends between two timer ticks: 10 ms of it, and no less than
  # 512 KiB, so that one 100 KB frame and its TCP segments pass in one burst.
  local burst=$((mbit * 1000000 / 8 / 100))
  ((burst < 524288)) && burst=524288
  ip netns del "$link_namespace" 2>/dev/null || true
  ip netns add "$link_namespace"
  run_on_exit 'ip netns del "$link_namespace" 2>/dev/null || true'
  ip link add gymbench0 type veth peer name gymbench1
  ip link set gymbench1 netns "$link_namespace"
  ip addr add "$link_server_address/30" dev gymbench0
  ip link set gymbench0 up
  ip netns exec "$link_namespace" ip addr add 10.77.0.2/30 dev gymbench1
  ip netns exec "$link_namespace" ip link set gymbench1 up
  ip netns exec "$link_namespace" ip link set lo up
  tc qdisc add dev gymbench0 root tbf rate "${mbit}mbit" burst "$burst" latency 20ms
  ip netns exec "$link_namespace" tc qdisc add dev gymbench1 root tbf rate "${mbit}mbit" burst "$burst" latency 20ms
  link_client=(ip netns exec "$link_namespace")
}

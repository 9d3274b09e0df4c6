"""Atari-shaped frames in-process and through GymServer, every side in the same run (bench/pixels.sh starts the server).

Sides (each stepped with the same random actions, figures in env steps per second):
- in-process Gymnasium: one env (gymnasium.make), SyncVectorEnv and AsyncVectorEnv(shared_memory=True) for each N;
- the server: protocol 1 on one connection (the original client's framing: a JSON line out, the reply read up to
  "\\r\\n\\r\\n" without parsing), protocol 2 single env (gymserver_client's RemoteEnv), protocol 2 binary vectors for
  each N (gymserver_client's RemoteVectorEnv), with each compression both the client and the server offer, and the
  same step_vec frames from a bare client (recv_into one buffer, numpy views: no client library);
- the floor: the bare client against a process that answers each frame with a reply of the same size (loopback
  TCP and nothing else);
- the memory test: connections that make a pixel env, send steps and never read a reply; the server's RSS.

Sides are opened once, then measured in turns, --rounds times each (so a burst of load from elsewhere on the machine
hits all sides alike); the median of a side's rounds is its figure. Server vector figures are also given as ratios
to AsyncVectorEnv(shared_memory=True) of the same N. With --server-pid, each side through the server also gets the CPU
time per env step of the client process, the server and its Python workers (from /proc): where the time goes.

    python3 bench/pixels/pixels.py --gymnasium PATH --port 4092 --http-port 5092 --server-pid PID
"""

from __future__ import annotations

import argparse
import inspect
import json
import multiprocessing
import os
import resource
import selectors
import socket
import statistics
import struct
import sys
import threading
import time
import urllib.request
from typing import Any, Callable, Dict, List, Optional, Tuple

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SIDES = ("inprocess", "protocol1", "single", "vectors", "bare", "floor", "memory")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gymnasium", default=os.environ.get("GYMNASIUM_PATH"),
                        help="a Gymnasium source checkout (or site-packages) to import; default $GYMNASIUM_PATH")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True, help="the server's TCP port")
    parser.add_argument("--http-port", type=int, help="the server's HTTP port, for /metrics in the memory test")
    parser.add_argument("--server-pid", type=int, help="the server's process id, for its RSS in the memory test")
    parser.add_argument("--envs", default="1,4,16", help="vector sizes N")
    parser.add_argument("--seconds", type=float, default=2.0, help="measured seconds per side and round")
    parser.add_argument("--warmup", type=float, default=0.5, help="unmeasured seconds before each measurement")
    parser.add_argument("--rounds", type=int, default=3, help="turns over all sides; a side's figure is its median")
    parser.add_argument("--warmup-rounds", type=int, default=1,
                        help="turns before those, not counted (a fresh server's JIT needs a few seconds of load)")
    parser.add_argument("--sides", default=",".join(SIDES), help=f"which to run, of: {', '.join(SIDES)}")
    parser.add_argument("--compressions", default="lz4,zstd", help="compressions to ask the server for")
    parser.add_argument("--memory-connections", type=int, default=1000)
    parser.add_argument("--memory-steps", type=int, default=32, help="step requests each memory-test client sends")
    parser.add_argument("--memory-settle", type=float, default=30.0, help="most seconds to wait for RSS to settle")
    return parser.parse_args()


ARGS = parse_args()
if not ARGS.gymnasium:
    sys.exit("pixels.py needs Gymnasium: --gymnasium PATH or GYMNASIUM_PATH (see bench/README.md)")
sys.path[:0] = [ARGS.gymnasium, HERE, os.path.join(ROOT, "clients", "python")]

import gymnasium  # noqa: E402
import numpy as np  # noqa: E402

from gymserver_bench_pixels import ENV_ID, HEIGHT, WIDTH  # noqa: E402  registers the env
from gymserver_client import GymClient, RemoteEnv, RemoteVectorEnv  # noqa: E402
from gymserver_client.errors import GymServerError  # noqa: E402
from server_cpu import ServerCpu, server_children  # noqa: E402

OBSERVATION_BYTES = HEIGHT * WIDTH * 3
ENVS = [int(n) for n in ARGS.envs.split(",")]
ACTIONS = np.random.default_rng(0).integers(0, 6, size=(64, max(ENVS)), dtype=np.int64)
Step = Callable[[int], None]
"""One call: steps all of a side's envs once, with the i-th set of actions."""


class Side:
    """A way of stepping N envs: opened once, measured in turns, closed at the end."""

    def __init__(self, name: str, n: int, open_side: Callable[[], Tuple[Step, Callable[[], None]]]) -> None:
        self.name, self.n, self._open = name, n, open_side
        self.step: Optional[Step] = None
        self.close: Callable[[], None] = lambda: None
        self.rates: List[float] = []
        self.cpu: List[float] = []
        self.server_us: List[Tuple[float, float, float]] = []
        self.note = ""
        self.calls = 0

    def open(self) -> None:
        self.step, self.close = self._open()

    def measure(self) -> None:
        """The warm-up, then calls for the measured time: env steps/s and the client's CPU share."""
        assert self.step is not None
        until = time.perf_counter() + ARGS.warmup
        while time.perf_counter() < until:
            self.step(self.calls)
            self.calls += 1
        server_before = ServerCpu.now(ARGS.server_pid) if ARGS.server_pid else None
        calls, cpu, start = 0, os.times(), time.perf_counter()
        while True:
            self.step(self.calls)
            self.calls += 1
            calls += 1
            elapsed = time.perf_counter() - start
            if elapsed >= ARGS.seconds:
                break
        used = os.times()
        server_after = ServerCpu.now(ARGS.server_pid) if ARGS.server_pid else None
        self.rates.append(calls * self.n / elapsed)
        self.cpu.append((used.user - cpu.user + used.system - cpu.system) / elapsed)
        if server_before is not None and server_after is not None:
            per_step = 1e6 / (calls * self.n)
            client = (used.user - cpu.user + used.system - cpu.system) * per_step
            self.server_us.append((client, (server_after.server - server_before.server) * per_step,
                                   (server_after.workers - server_before.workers) * per_step))
        print(f"  {self.name:<46} N={self.n:<3} {self.rates[-1]:>10,.0f} env steps/s", flush=True)

    @property
    def rate(self) -> float:
        return statistics.median(self.rates)


def not_offered(name: str, n: int, why: str) -> Side:
    side = Side(name, n, lambda: (lambda i: None, lambda: None))
    side.note = f"not offered: {why}"
    return side


# ---------------------------------------------------------------------------------------------------------------------
# In-process Gymnasium


def in_process_sides() -> List[Side]:
    def single() -> Tuple[Step, Callable[[], None]]:
        env = gymnasium.make(ENV_ID)
        env.reset(seed=0)

        def step(i: int) -> None:
            _, _, terminated, truncated, _ = env.step(int(ACTIONS[i & 63, 0]))
            if terminated or truncated:
                env.reset()

        return step, env.close

    def vector(kind: Callable[..., Any], n: int, **options: Any) -> Callable[[], Tuple[Step, Callable[[], None]]]:
        def open_vector() -> Tuple[Step, Callable[[], None]]:
            envs = kind([lambda: gymnasium.make(ENV_ID)] * n, **options)
            envs.reset(seed=0)
            return (lambda i: envs.step(ACTIONS[i & 63, :n])), envs.close
        return open_vector

    sides = [Side("in-process gymnasium.make", 1, single)]
    for n in ENVS:
        sides.append(Side("in-process SyncVectorEnv", n, vector(gymnasium.vector.SyncVectorEnv, n)))
        sides.append(Side("in-process AsyncVectorEnv(shared_memory)", n,
                          vector(gymnasium.vector.AsyncVectorEnv, n, shared_memory=True)))
    return sides


# ---------------------------------------------------------------------------------------------------------------------
# Through the server


class LineClient:
    """Protocol 1 as the original C++ client frames it: one JSON line out, a reply up to "\\r\\n\\r\\n" in."""

    def __init__(self, port: Optional[int] = None) -> None:
        self.socket = socket.create_connection((ARGS.host, port or ARGS.port))
        self.socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.buffer = bytearray()

    def request(self, line: str) -> bytes:
        self.socket.sendall(line.encode() + b"\r\n")
        while True:
            end = self.buffer.find(b"\r\n\r\n", max(0, len(self.buffer) - (1 << 20)))
            if end >= 0:
                reply = bytes(self.buffer[:end])
                del self.buffer[:end + 4]
                return reply
            chunk = self.socket.recv(1 << 20)
            if not chunk:
                raise ConnectionError("the server closed the connection")
            self.buffer += chunk


def protocol1_side() -> Side:
    side = Side("server protocol 1, one connection", 1, lambda: open_protocol1(side))
    return side


def open_protocol1(side: Side) -> Tuple[Step, Callable[[], None]]:
    client = LineClient()
    made = json.loads(client.request(json.dumps({"env": {"name": ENV_ID}})))
    if "error" in made:
        raise RuntimeError(f"protocol 1 make failed: {made}")
    reset = client.request('{"env":{"action":"reset"}}')
    side.note = f"replies of about {len(reset):,} bytes of JSON"

    def step(i: int) -> None:
        reply = client.request('{"step":{"action":%d,"render":0}}' % ACTIONS[i & 63, 0])
        # Only the end is looked at: the observation (100,800 numbers) comes first, "done" after it.
        if b'"done":true' in reply[-200:]:
            client.request('{"env":{"action":"reset"}}')

    return step, client.socket.close


def single_sides() -> List[Side]:
    client = GymClient(ARGS.host, ARGS.port, binary=True)
    env = RemoteEnv(ENV_ID, client=client)
    # RemoteEnv says it steps in binary once the client and the server have that (issue 20, item 2).
    binary = getattr(env, "binary", False) is True

    def open_single() -> Tuple[Step, Callable[[], None]]:
        env.reset(seed=0)

        def step(i: int) -> None:
            _, _, terminated, truncated, _ = env.step(int(ACTIONS[i & 63, 0]))
            if terminated or truncated:
                env.reset()

        return step, client.close

    side = Side("server protocol 2 single env (RemoteEnv)", 1, open_single)
    side.note = "binary" if binary else "JSON"
    return [side] if binary else [side, not_offered("server protocol 2 binary single env", 1,
                                                    "the server's binary encoding covers step_vec only")]


def open_client(compression: Optional[str]) -> GymClient:
    """A binary client, with a compression when asked: raises LookupError when the client or server lacks it."""
    if compression is None:
        return GymClient(ARGS.host, ARGS.port, binary=True)
    if "compression" not in inspect.signature(GymClient).parameters:
        raise LookupError("gymserver_client has no compression")
    try:
        client = GymClient(ARGS.host, ARGS.port, binary=True, compression=compression)  # type: ignore[call-arg]
    except GymServerError as error:
        raise LookupError(f"the server refused it: {error}") from error
    if getattr(client, "compression", None) != compression:
        client.close()
        raise LookupError("the server did not agree to it")
    return client


def vector_sides() -> List[Side]:
    sides = []
    for n in ENVS:
        for compression in [None, *[c for c in ARGS.compressions.split(",") if c]]:
            name = "server RemoteVectorEnv binary" + (f" + {compression}" if compression else "")
            try:
                client = open_client(compression)
            except LookupError as missing:
                sides.append(not_offered(name, n, str(missing)))
                continue

            def open_vector(client: GymClient = client, n: int = n) -> Tuple[Step, Callable[[], None]]:
                vector = RemoteVectorEnv(ENV_ID, n, client=client)
                vector.reset(seed=0)
                return (lambda i: vector.step(ACTIONS[i & 63, :n])), client.close

            sides.append(Side(name, n, open_vector))
    return sides


class BareVectorClient:
    """step_vec frames with nothing a client library adds: actions from numpy, each reply read with recv_into into
    one buffer and viewed with numpy (no copy). What the server and the loopback can do, apart from the client."""

    HEADER = struct.Struct("<BBHI")

    def __init__(self, lines: LineClient, instance: bytes, n: int) -> None:
        self.lines, self.instance, self.n = lines, instance, n
        self.reply = bytearray(8 + 12 + n * (OBSERVATION_BYTES + 10) + (1 << 16))
        self.view = memoryview(self.reply)

    @staticmethod
    def on_server(n: int) -> "BareVectorClient":
        """A vector env of n sub-envs made and reset on the server, on a connection speaking binary frames."""
        lines = LineClient()
        reply = json.loads(lines.request('{"server":{"protocol":2,"encoding":"binary"}}'))
        assert reply.get("encoding") == "binary", reply
        made = json.loads(lines.request(json.dumps({"make_vec": {"id": ENV_ID, "num_envs": n}})))
        lines.request(json.dumps({"reset_vec": {"instance": made["instance"], "seed": 0}}))
        return BareVectorClient(lines, made["instance"].encode(), n)

    def step(self, actions: np.ndarray) -> np.ndarray:
        payload = bytes([len(self.instance)]) + self.instance + actions.astype("<i8").tobytes()
        self.lines.socket.sendall(self.HEADER.pack(0xB7, 0x01, 0, len(payload)) + payload)
        self._read(0, 8)
        _, kind, _, length = self.HEADER.unpack_from(self.reply)
        self._read(8, 8 + length)
        if kind != 0x81:
            raise RuntimeError(f"frame 0x{kind:02X}: {bytes(self.view[8:8 + length])!r}")
        return np.frombuffer(self.reply, np.uint8, self.n * OBSERVATION_BYTES, 16)

    def _read(self, start: int, end: int) -> None:
        if end > len(self.reply):
            self.reply.extend(bytes(end - len(self.reply)))
            self.view = memoryview(self.reply)
        while start < end:
            got = self.lines.socket.recv_into(self.view[start:end])
            if not got:
                raise ConnectionError("the connection was closed")
            start += got

    def close(self) -> None:
        self.lines.socket.close()


def bare_sides() -> List[Side]:
    def open_bare(n: int) -> Tuple[Step, Callable[[], None]]:
        bare = BareVectorClient.on_server(n)
        return (lambda i: bare.step(ACTIONS[i & 63, :n])), bare.close
    return [Side("server bare binary step_vec (recv_into)", n, lambda n=n: open_bare(n)) for n in ENVS]


def floor_sides() -> List[Side]:
    """The loopback floor for these replies: a process that answers each step_vec frame with a step_vec reply of the
    same size, from bytes it made once, and does nothing else; the bare client reads it as it reads the server."""
    def open_floor(n: int) -> Tuple[Step, Callable[[], None]]:
        listener = socket.create_server(("127.0.0.1", 0))
        server = multiprocessing.get_context("fork").Process(target=serve_floor, args=(listener, n), daemon=True)
        server.start()
        port = listener.getsockname()[1]
        listener.close()
        bare = BareVectorClient(LineClient(port), b"floor", n)

        def close() -> None:
            bare.close()
            server.terminate()
            server.join()

        return (lambda i: bare.step(ACTIONS[i & 63, :n])), close
    return [Side("floor: same replies from a ping-pong process", n, lambda n=n: open_floor(n)) for n in ENVS]


def serve_floor(listener: socket.socket, n: int) -> None:
    connection, _ = listener.accept()
    connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    payload = struct.pack("<II", n, OBSERVATION_BYTES) + bytes(n * (OBSERVATION_BYTES + 10)) + struct.pack("<I", 0)
    reply = BareVectorClient.HEADER.pack(0xB7, 0x81, 0, len(payload)) + payload
    view = memoryview(bytearray(1 << 16))
    while True:
        got = 0
        while got < 8 or got < 8 + BareVectorClient.HEADER.unpack_from(view)[3]:
            read = connection.recv_into(view[got:])
            if not read:
                return
            got += read
        connection.sendall(reply)


# ---------------------------------------------------------------------------------------------------------------------
# The memory test


def rss(pid: int) -> int:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def metrics() -> Dict[str, float]:
    """The server's /metrics; empty when there is no HTTP port or it does not answer in time (a server at its limits)."""
    if not ARGS.http_port:
        return {}
    try:
        text = urllib.request.urlopen(f"http://127.0.0.1:{ARGS.http_port}/metrics", timeout=60).read().decode()
    except OSError as error:
        print(f"  /metrics did not answer: {error}")
        return {}
    values = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, _, value = line.rpartition(" ")
            values[name] = float(value)
    return values


class MetricsProbe:
    """Asks /metrics over and over while the burst runs, one request at a time: how long an admin waits for it."""

    def __init__(self) -> None:
        self.seconds: List[float] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> "MetricsProbe":
        if ARGS.http_port:
            self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            started = time.perf_counter()
            metrics()
            self.seconds.append(time.perf_counter() - started)
            self._stop.wait(0.2)


def kernel_tcp_bytes() -> int:
    """Memory the kernel holds for every TCP socket on the machine (socket buffers; not in any process's RSS)."""
    with open("/proc/net/sockstat") as sockstat:
        for line in sockstat:
            if line.startswith("TCP:"):
                fields = line.split()
                return int(fields[fields.index("mem") + 1]) * os.sysconf("SC_PAGE_SIZE")
    return 0


def worker_rss() -> int:
    return sum(rss(pid) for pid in server_children(ARGS.server_pid))


def memory() -> Dict[str, Any]:
    """Clients that make a pixel env (protocol 1), reset it, send steps and never read: the server's RSS."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, ARGS.memory_connections + 256)), hard))
    before, before_workers, kernel_before = rss(ARGS.server_pid), worker_rss(), kernel_tcp_bytes()
    print(f"memory test: {ARGS.memory_connections} connections, each makes {ENV_ID} (protocol 1), resets, sends "
          f"{ARGS.memory_steps} steps and never reads; server RSS before {before / 2**20:,.0f} MiB", flush=True)
    clients: List[Tuple[LineClient, List[bytes]]] = []
    step = b'{"step":{"action":1,"render":0}}\r\n'
    for _ in range(ARGS.memory_connections):
        client = LineClient()
        reply = client.request(json.dumps({"env": {"name": ENV_ID}}))
        if b'"instance"' not in reply:
            print(f"  make refused after {len(clients)} envs: {reply[:200]!r}")
            client.socket.close()
            break
        client.request('{"env":{"action":"reset"}}')
        client.socket.setblocking(False)
        clients.append((client, [step * ARGS.memory_steps]))
    selector = selectors.DefaultSelector()
    for client, pending in clients:
        selector.register(client.socket, selectors.EVENT_WRITE, pending)
    deadline = time.monotonic() + ARGS.memory_settle
    peak, kernel_peak, last, stable_since, closed = 0, 0, 0, time.monotonic(), 0
    probe = MetricsProbe().start()
    while time.monotonic() < deadline:
        for key, _ in selector.select(timeout=0.1):
            try:
                sent = key.fileobj.send(key.data[0])
            except BlockingIOError:
                continue
            except (BrokenPipeError, ConnectionResetError):
                # The server closed it: its replies stalled while the node's cap held others up.
                selector.unregister(key.fileobj)
                closed += 1
                continue
            key.data[0] = key.data[0][sent:]
            if not key.data[0]:
                selector.unregister(key.fileobj)
        now = rss(ARGS.server_pid)
        peak = max(peak, now)
        kernel_peak = max(kernel_peak, kernel_tcp_bytes())
        if abs(now - last) > 0.01 * max(last, 1):
            last, stable_since = now, time.monotonic()
        elif time.monotonic() - stable_since > 3:
            break
    probe.stop()
    unsent = sum(len(key.data[0]) for key in selector.get_map().values())
    server = metrics()
    result = {"clients": len(clients), "server_rss_before": before, "server_rss_peak": peak,
              "workers_rss_before": before_workers, "workers_rss": worker_rss(),
              "shared_memory_bytes": server.get("gymserver_python_shared_memory_bytes"), "unsent_request_bytes": unsent,
              "queued_reply_bytes": server.get("gymserver_tcp_queued_reply_bytes"),
              "queued_reply_peak_bytes": server.get("gymserver_tcp_queued_reply_peak_bytes"),
              "stalled_closes": server.get("gymserver_tcp_stalled_closes_total"), "closed_seen_by_clients": closed,
              "reply_storage_bytes": server.get("gymserver_tcp_reply_storage_bytes"),
              "kernel_tcp_bytes_before": kernel_before, "kernel_tcp_bytes_peak": kernel_peak,
              "queued_reply_cap": server.get('gymserver_tcp_queued_reply_capacity_bytes{scope="node"}'),
              "paused_connections": server.get("gymserver_connections_paused"),
              "metrics_seconds_during_burst": probe.seconds}
    per_client = (peak - before) / len(clients) / 1024 if clients else 0
    print(f"  {len(clients)} non-reading clients: server RSS {before / 2**20:,.0f} -> peak {peak / 2**20:,.0f} MiB "
          f"(+{per_client:,.0f} KiB per client); workers' RSS {before_workers / 2**20:,.0f} -> "
          f"{result['workers_rss'] / 2**20:,.0f} MiB; shared memory {(result['shared_memory_bytes'] or 0) / 2**20:,.0f} "
          f"MiB; {unsent:,} request bytes the server had not taken", flush=True)
    if result["queued_reply_bytes"] is not None:
        print(f"  queued replies {result['queued_reply_bytes'] / 2**20:,.0f} MiB, peak "
              f"{(result['queued_reply_peak_bytes'] or 0) / 2**20:,.0f} MiB (node cap "
              f"{(result['queued_reply_cap'] or 0) / 2**20:,.0f} MiB), {result['paused_connections']:,.0f} connections "
              f"paused; reply storage {(result['reply_storage_bytes'] or 0) / 2**20:,.0f} MiB; "
              f"{result['stalled_closes'] or 0:,.0f} closed for stalled replies", flush=True)
    if probe.seconds:
        print(f"  /metrics during the burst: {len(probe.seconds)} requests, median "
              f"{statistics.median(probe.seconds) * 1000:,.0f} ms, slowest {max(probe.seconds) * 1000:,.0f} ms", flush=True)
    print(f"  the kernel's TCP buffers (all sockets, not in RSS): {kernel_before / 2**20:,.0f} -> peak "
          f"{kernel_peak / 2**20:,.0f} MiB", flush=True)
    for client, _ in clients:
        client.socket.close()
    return result


# ---------------------------------------------------------------------------------------------------------------------


def report(sides: List[Side]) -> None:
    reference = {side.n: side.rate for side in sides if side.name == "in-process AsyncVectorEnv(shared_memory)"}
    print(f"\nmedian of {ARGS.rounds} round(s), env steps/s; ratio to in-process AsyncVectorEnv(shared_memory) of the "
          f"same N; the client process's CPU share")
    for side in sides:
        if not side.rates:
            print(f"{side.name:<48} N={side.n:<3} {'':>10}  {side.note}")
            continue
        ratio = f"{side.rate / reference[side.n]:5.2f}" if side.n in reference else ""
        print(f"{side.name:<48} N={side.n:<3} {side.rate:>10,.0f} {ratio:>6} CPU {statistics.median(side.cpu):4.2f}"
              f"{'  ' + side.note if side.note else ''}")
    through_server = [side for side in sides if side.name.startswith("server") and side.server_us]
    if through_server:
        print("\nCPU per env step (us, median of the rounds): the client process, the server, its Python workers")
        for side in through_server:
            client, server, workers = (statistics.median(part) for part in zip(*side.server_us))
            print(f"{side.name:<48} N={side.n:<3} client {client:6.1f}  server {server:6.1f}  workers {workers:6.1f}")


def main() -> None:
    chosen = ARGS.sides.split(",")
    print(f"Gymnasium {gymnasium.__version__} from {ARGS.gymnasium}, numpy {np.__version__}, Python "
          f"{sys.version.split()[0]}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; "
          f"{ARGS.rounds} round(s) of {ARGS.seconds:g} s per side after {ARGS.warmup:g} s", flush=True)
    makers: List[Tuple[str, Callable[[], List[Side]]]] = [
        ("inprocess", in_process_sides), ("protocol1", lambda: [protocol1_side()]), ("single", single_sides),
        ("vectors", vector_sides), ("bare", bare_sides), ("floor", floor_sides)]
    sides = [side for name, make in makers if name in chosen for side in make()]
    try:
        for side in sides:
            if side.note.startswith("not offered"):
                continue
            side.open()
        for round_number in range(-ARGS.warmup_rounds, ARGS.rounds):
            print(f"round {round_number + 1}" if round_number >= 0 else "warm-up round (not counted)", flush=True)
            for side in sides:
                if side.step is not None:
                    side.measure()
                    if round_number < 0:
                        side.rates.pop()
                        side.cpu.pop()
                        if side.server_us:
                            side.server_us.pop()
    finally:
        for side in sides:
            side.close()
    report(sides)
    results: Dict[str, Any] = {"sides": [{"side": side.name, "n": side.n, "rates": side.rates, "note": side.note,
                                          "cpu_us_client_server_workers": side.server_us} for side in sides]}
    if "memory" in chosen:
        if ARGS.server_pid:
            results["memory"] = memory()
        else:
            print("memory test: no --server-pid, skipped")
    print("JSON " + json.dumps(results))


if __name__ == "__main__":
    main()

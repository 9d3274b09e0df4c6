"""CPU time of a GymServer and its Python workers, from /proc: where a benchmark's time goes (bench/pixels.sh and
bench/wrappers.sh print it per env step)."""

import os
from typing import List, NamedTuple


class ServerCpu(NamedTuple):
    """CPU seconds used so far by the server process and by its Python workers (its children)."""

    server: float
    workers: float

    @staticmethod
    def now(server_pid: int) -> "ServerCpu":
        """Workers that exit meanwhile (none should) drop out of the sum."""
        return ServerCpu(cpu_seconds(server_pid), sum(cpu_seconds(pid) for pid in server_children(server_pid)))


def cpu_seconds(pid: int) -> float:
    """A process's user and system CPU time so far (0 once it is gone)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rpartition(")")[2].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError):
        return 0.0


def server_children(server_pid: int) -> List[int]:
    """The server's Python workers: every child of the server process."""
    children = []
    for entry in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{entry}/stat") as stat:
                parent = int(stat.read().rpartition(")")[2].split()[1])
        except (OSError, ValueError):
            continue
        if parent == server_pid:
            children.append(int(entry))
    return children

"""Puts the client (and, where the real gymnasium is missing, the repository's fake one) on the path, and starts
real GymServer processes for the tests: `dotnet exec GymServer.Web.dll` on a free loopback port."""

import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

CLIENT_DIR = Path(__file__).resolve().parent.parent
REPO = CLIENT_DIR.parent.parent
FAKEGYM = REPO / "python" / "tests" / "fakegym"
SCENARIOS = REPO / "clients" / "scenarios" / "protocol.json"
MAKE_TEST_CERTIFICATES = REPO / "clients" / "scenarios" / "make-test-certificates.sh"
RELEASE_DLL = REPO / "GymServer.Web" / "bin" / "Release" / "net10.0" / "GymServer.Web.dll"
SERVER_DLL = Path(os.environ.get("GYMSERVER_DLL", RELEASE_DLL))

sys.path.insert(0, str(CLIENT_DIR))
try:
    import gymnasium  # noqa: F401
except ImportError:
    # No PyPI here: gymnasium's base classes and spaces come from the project's stand-in (python/tests/fakegym).
    sys.path.insert(1, str(FAKEGYM))


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class ServerProcess:
    """A GymServer process; ready once it logs that its TCP listener is up."""

    def __init__(self, *settings):
        if not SERVER_DLL.exists():
            raise FileNotFoundError(f"{SERVER_DLL} is missing: build it first (dotnet build -c Release GymServer.Web)")
        self.port = free_port()
        self.process = subprocess.Popen(
            ["dotnet", "exec", str(SERVER_DLL), f"--Gym:Tcp:Port={self.port}", "--Gym:Tcp:Address=127.0.0.1",
             "--Gym:DmEnvRpc:Port=0",
             "--urls", "http://127.0.0.1:0", "--Gym:Python:Workers=0", *settings],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.log = []
        self._ready = threading.Event()
        threading.Thread(target=self._drain, daemon=True).start()
        if not self._ready.wait(60) or self.process.poll() is not None:
            self.stop()
            raise RuntimeError("GymServer did not start:\n" + "".join(self.log))

    def _drain(self):
        # Reads the log to its end, so the server never blocks on a full pipe.
        for line in self.process.stdout:
            self.log.append(line)
            if "Gym TCP protocol listening" in line:
                self._ready.set()
        self._ready.set()

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


@pytest.fixture(scope="session")
def server():
    """One server for the whole session, native envs only."""
    process = ServerProcess()
    yield process
    process.stop()


@pytest.fixture(scope="session")
def certificates(tmp_path_factory):
    """A test CA and a server certificate it signs for localhost and 127.0.0.1 (ca.pem, server.pem, server.key), and
    other-ca.pem, a CA that signed nothing: made now with OpenSSL's command line."""
    directory = tmp_path_factory.mktemp("certificates")
    subprocess.run(["bash", str(MAKE_TEST_CERTIFICATES), str(directory)], check=True)
    return directory


@pytest.fixture(scope="module")
def tls_server(certificates):
    """A server whose TCP port speaks TLS only, with the test certificate."""
    process = ServerProcess("--Gym:Tcp:Tls:Enabled=true", f"--Gym:Tcp:Tls:Certificate:Path={certificates / 'server.pem'}",
                            f"--Gym:Tcp:Tls:Certificate:KeyPath={certificates / 'server.key'}")
    yield process
    process.stop()


@pytest.fixture(scope="module")
def python_server():
    """A server with one Python worker running the fake gymnasium and the repository's test envs."""
    process = ServerProcess("--Gym:Python:Workers=1", "--Gym:Python:Executable=/usr/bin/python3",
                            f"--Gym:Python:PythonPath:0={FAKEGYM}", "--Gym:Python:Imports:0=gymserver_testenvs")
    yield process
    process.stop()

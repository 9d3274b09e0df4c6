"""pytest plugin: runs gym-http-api's own tests/test_api.py, unchanged, against a live GymServer.

Loaded by bench/gym-http-api-suite.sh as ``pytest -p gym_http_api_live -p no:nose``. The suite's server fixture is
nose-style: ``@with_server`` sets ``setup``/``teardown`` attributes that start gym_http_server.py (Flask and gym) in
a thread on 127.0.0.1:5000 and shut it down over HTTP. With pytest's nose plugin off those are never called, so
the suite's own server never starts; this plugin then points the module's ``host`` and ``port`` (which its
``get_remote_base()`` reads at every call) at GYM_HTTP_API_URL, the live server. The suite imports gym_http_server
at its top without using anything from it when its fixture is off: that import gets an empty module.
"""

import os
import sys
import types
from urllib.parse import urlsplit

import pytest

URL_VARIABLE = "GYM_HTTP_API_URL"
_ADDRESS = pytest.StashKey()
"""(host, port) of the live server, as the suite's module globals hold them (the port a string)."""


def pytest_configure(config):
    url = os.environ.get(URL_VARIABLE)
    if not url:
        raise pytest.UsageError(f"{URL_VARIABLE} must name the live server, e.g. http://127.0.0.1:5000")
    if config.pluginmanager.has_plugin("nose"):
        raise pytest.UsageError("run with -p no:nose, or the suite's setup starts its own server on port 5000")
    parts = urlsplit(url)
    if not parts.hostname or not parts.port:
        raise pytest.UsageError(f"{URL_VARIABLE}={url} needs a host and a port")
    config.stash[_ADDRESS] = (parts.hostname, str(parts.port))
    stand_in = types.ModuleType("gym_http_server", "Not gym-http-api's server: the live GymServer replaces it.")
    sys.modules.setdefault("gym_http_server", stand_in)


def pytest_collection_modifyitems(session, config, items):
    host, port = config.stash[_ADDRESS]
    for module in {item.module for item in items if hasattr(item, "module")}:
        if hasattr(module, "get_remote_base"):
            module.host, module.port = host, port


def pytest_report_header(config):
    host, port = config.stash[_ADDRESS]
    return f"gym-http-api suite against the live server at http://{host}:{port} (its own server is not started)"


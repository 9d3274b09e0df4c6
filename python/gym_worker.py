#!/usr/bin/env python3
"""The worker process GymServer starts: ``python3 gym_worker.py [--import MODULE]... [--allow-module MODULE]...``.

It hosts Gymnasium environments and answers the server's commands over stdin/stdout; the frame layout is in
docs/worker-protocol.md. Python puts this file's directory first on ``sys.path``, which is how the
``gymserver_worker`` package beside it is found.
"""

import sys

from gymserver_worker.main import main

if __name__ == "__main__":
    sys.exit(main())

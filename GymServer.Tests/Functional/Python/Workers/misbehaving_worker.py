"""A worker that breaks the protocol on purpose, for the pool's tests (GymServer.Tests/Functional/Python).

It says hello like gym_worker.py and serves list and make, then misbehaves on reset and step. The first
``--import`` argument (the pool passes Gym:Python:Imports that way) chooses how:

- ``wrong-call``: reset answers with another call id; step answers with an impossible frame length.
- ``wrong-protocol``: the hello announces protocol version 99.
"""

import json
import os
import struct
import sys

HEADER = struct.Struct("<IBIII")
mode = sys.argv[sys.argv.index("--import") + 1] if "--import" in sys.argv else "wrong-call"
stdin, stdout = sys.stdin.buffer, sys.stdout.buffer


def send(status, call, env, meta=b"", payload=b""):
    stdout.write(HEADER.pack(13 + len(meta) + len(payload), status, call, env, len(meta)) + meta + payload)
    stdout.flush()


hello = {"protocol": 99 if mode == "wrong-protocol" else 3, "pid": os.getpid(), "backend": "gymnasium",
         "backend_version": "test", "python": "3"}
send(0, 0, 0, json.dumps(hello).encode())
DISCRETE = {"type": "Discrete", "n": 2, "start": 0}
while True:
    prefix = stdin.read(4)
    if len(prefix) < 4:
        break
    body = stdin.read(struct.unpack("<I", prefix)[0])
    kind, call, env, meta_length = struct.unpack_from("<BIII", body)
    if kind == 9:
        send(0, call, env, json.dumps({"ids": ["Garbled-v0"]}).encode())
    elif kind == 2:
        made = {"observation_space": DISCRETE, "action_space": DISCRETE, "spec": {"id": "Garbled-v0"}}
        send(0, call, env, json.dumps(made).encode())
    elif kind == 3:
        send(0, call + 1000, env, b"", struct.pack("<q", 0))
    else:
        stdout.write(b"\xff\xff\xff\xff")
        stdout.flush()

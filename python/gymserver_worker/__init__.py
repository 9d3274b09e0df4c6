"""The Python end of GymServer's worker protocol: hosts Gymnasium environments for the server."""

PROTOCOL_VERSION = 3
"""Sent in the worker's hello; the server refuses a worker that speaks another version (2 added shared memory, 3
the batch command)."""

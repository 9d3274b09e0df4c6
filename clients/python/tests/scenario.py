"""Replays one scenario of clients/scenarios/protocol.json (format: clients/scenarios/README.md)."""

import json

from conftest import SCENARIOS

_KINDS = {"$number": (int, float), "$string": str, "$array": list, "$object": dict, "$bool": bool}


def load():
    return json.loads(SCENARIOS.read_text())["scenarios"]


def substitute(value, saved):
    if isinstance(value, dict):
        return {k: substitute(v, saved) for k, v in value.items()}
    if isinstance(value, list):
        return [substitute(v, saved) for v in value]
    if isinstance(value, str) and value.startswith("$"):
        return saved[value[1:]]
    return value


def mismatch(pattern, actual, saved, path="reply"):
    """None when actual matches the pattern, else where and how it differs."""
    if isinstance(pattern, str) and pattern.startswith("$"):
        if pattern.startswith("$save:"):
            saved[pattern[len("$save:"):]] = actual
            return None
        if pattern == "$any":
            return None
        kind = _KINDS[pattern]
        ok = isinstance(actual, kind) and (pattern == "$bool" or not isinstance(actual, bool))
        return None if ok else f"{path}: expected {pattern}, got {actual!r}"
    if isinstance(pattern, dict):
        if not isinstance(actual, dict):
            return f"{path}: expected an object, got {actual!r}"
        for key, member in pattern.items():
            if key not in actual:
                return f"{path}.{key}: missing"
            inner = mismatch(member, actual[key], saved, f"{path}.{key}")
            if inner:
                return inner
        return None
    if isinstance(pattern, list):
        if not isinstance(actual, list) or len(actual) != len(pattern):
            return f"{path}: expected a list of {len(pattern)}, got {actual!r}"
        return next((m for m in (mismatch(p, a, saved, f"{path}[{i}]")
                                 for i, (p, a) in enumerate(zip(pattern, actual))) if m), None)
    if isinstance(pattern, (int, float)) and not isinstance(pattern, bool):
        ok = isinstance(actual, (int, float)) and not isinstance(actual, bool) and float(actual) == float(pattern)
        return None if ok else f"{path}: expected {pattern!r}, got {actual!r}"
    same = pattern == actual and type(pattern) is type(actual)
    return None if same else f"{path}: expected {pattern!r}, got {actual!r}"


def replay(connection, scenario):
    saved = {}
    if scenario["protocol"] == 2:
        assert connection.request({"server": {"protocol": 2}})["protocol"] == 2
    for index, step in enumerate(scenario["steps"]):
        request = substitute(step["send"], saved)
        if step["expect"] is None:
            connection.send(request)
            continue
        reply = connection.request(request)
        problem = mismatch(step["expect"], reply, saved)
        assert problem is None, f"step {index} {request}: {problem}\n  reply: {reply}"

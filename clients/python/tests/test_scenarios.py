"""The expectations every GymServer client shares (clients/scenarios/protocol.json), replayed over a Connection."""

import pytest

import scenario
from gymserver_client import Connection

SCENARIOS = scenario.load()


@pytest.mark.parametrize("case", SCENARIOS, ids=[s["name"] for s in SCENARIOS])
def test_scenario_replays(server, case):
    with Connection(port=server.port) as connection:
        scenario.replay(connection, case)


def test_the_file_has_scenarios_of_both_protocols():
    assert {s["protocol"] for s in SCENARIOS} == {1, 2}
    assert all(s["steps"] for s in SCENARIOS)


def test_the_matcher_catches_differences():
    saved = {}
    assert scenario.mismatch({"a": 1.0, "b": "$string"}, {"a": 1, "b": "x", "c": 3}, saved) is None
    assert scenario.mismatch({"a": "$number"}, {"a": True}, saved) is not None
    assert scenario.mismatch([1, 2], [1, 2, 3], saved) is not None
    assert scenario.mismatch({"x": "$save:v"}, {"x": [1]}, saved) is None and saved["v"] == [1]
    assert scenario.substitute({"i": "$v"}, saved) == {"i": [1]}

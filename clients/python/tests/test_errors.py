"""Error replies as GymServerError, and the client's own failures (timeouts, a server that goes away)."""

import socket

import pytest

from gymserver_client import Connection, GymClient, GymServerError, RemoteEnv
from gymserver_client.client import make_on
from gymserver_client.errors import CONNECTION_CLOSED, CONNECTION_LOST

from conftest import ServerProcess, free_port


def test_unknown_env_carries_the_servers_code_and_message(server):
    with GymClient(port=server.port) as client:
        with pytest.raises(GymServerError) as error:
            RemoteEnv("CartPol-v1", client=client)
        assert error.value.code == "unknown_env" and "did you mean CartPole-v1" in error.value.message
        RemoteEnv("CartPole-v1", client=client)  # the connection goes on


def test_a_connection_opened_for_a_failed_make_is_closed_and_a_given_one_is_not(server):
    opened = []

    def open_client():
        opened.append(GymClient(port=server.port))
        return opened[-1]

    with pytest.raises(GymServerError, match="unknown_env|did you mean"):
        make_on(None, open_client, lambda on: on.make("CartPol-v1"))
    with pytest.raises(GymServerError) as error:
        opened[0].make("CartPole-v1")
    assert error.value.code == CONNECTION_LOST and "the connection was closed" in error.value.message

    with GymClient(port=server.port) as given:
        with pytest.raises(GymServerError):
            make_on(given, open_client, lambda on: on.make("CartPol-v1"))
        assert len(opened) == 1
        assert "instance" in given.make("CartPole-v1")  # still open


def test_bad_actions_are_refused(server):
    env = RemoteEnv("CartPole-v1", port=server.port)
    with pytest.raises(GymServerError, match="reset_needed"):
        env.step(1)
    env.reset(seed=0)
    with pytest.raises(GymServerError) as error:
        env.step(3)
    assert error.value.code == "invalid_action" and "action 3 is not in the action space" in error.value.message
    env.step(0)
    env.close()


def test_a_negative_seed_is_an_invalid_argument(server):
    env = RemoteEnv("CartPole-v1", port=server.port)
    with pytest.raises(GymServerError) as error:
        env.reset(seed=-1)
    assert error.value.code == "invalid_argument" and "reset.seed" in error.value.message
    env.close()


def test_connecting_where_nothing_listens(server):
    with pytest.raises(GymServerError) as error:
        GymClient(port=free_port())
    assert error.value.code == CONNECTION_LOST


def test_a_peer_that_never_answers_times_out():
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        connection = Connection(port=silent.getsockname()[1], timeout=0.2)
        with pytest.raises(TimeoutError):
            connection.request({"list_envs": {}})
        with pytest.raises(GymServerError) as after:
            connection.request({"list_envs": {}})
        assert after.value.code == CONNECTION_LOST


def test_a_server_that_stops_ends_the_connection_with_an_error():
    alone = ServerProcess()
    try:
        env = RemoteEnv("CartPole-v1", port=alone.port)
        env.reset(seed=0)
    finally:
        alone.stop()
    with pytest.raises(GymServerError) as error:
        env.step(1)
    assert error.value.code in ("server_shutting_down", CONNECTION_CLOSED, CONNECTION_LOST)
    with pytest.raises(GymServerError) as after:
        env.step(1)
    assert after.value.code in (CONNECTION_CLOSED, CONNECTION_LOST)


def test_protocol_1_compressed_replies_are_inflated(server):
    with Connection(port=server.port) as plain, Connection(port=server.port) as compressed:
        for connection in (plain, compressed):
            connection.request({"env": {"name": "CartPole-v1"}})
            connection.send({"env": {"seed": "3"}})
        compressed.send({"server": {"compression": "9"}})
        assert compressed.request({"env": {"action": "reset"}}) == plain.request({"env": {"action": "reset"}})
        step = {"step": {"action": 1, "render": 0}}
        assert compressed.request(step) == plain.request(step)
        assert compressed.request({"jump": {}})["error"]["code"] == "unknown_command"
        # Making an env turns compression off again.
        assert "instance" in compressed.request({"env": {"name": "CartPole-v1"}})
        assert "observation" in compressed.request({"env": {"action": "reset"}})

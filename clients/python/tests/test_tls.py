"""The client over TLS against a server process whose TCP port speaks TLS only, with certificates made at test time:
RemoteEnv, RemoteVectorEnv in both encodings and protocol 1 over it, and the servers it must refuse to talk to."""

import ssl

import numpy as np
import pytest

from gymserver_client import Connection, GymClient, GymServerError, RemoteEnv, RemoteVectorEnv

# Gymnasium 1.2.2: CartPole-v1 reset(seed=3), as test_env.py has it in plain TCP.
CARTPOLE_SEED_3 = np.array([-0.041435081511735916, -0.026318948715925217, 0.030127447098493576, 0.008216203190386295],
                           dtype=np.float32)


def test_remote_env_over_tls_trusting_the_ca_file(tls_server, certificates):
    env = RemoteEnv("CartPole-v1", "127.0.0.1", tls_server.port, tls=certificates / "ca.pem")
    try:
        observation, _ = env.reset(seed=3)
        np.testing.assert_array_equal(observation, CARTPOLE_SEED_3)
        assert env.step(1)[1] == 1.0
    finally:
        env.close()


def test_binary_vector_steps_over_tls_equal_json_ones(tls_server, certificates):
    ca = str(certificates / "ca.pem")
    binary = RemoteVectorEnv("CartPole-v1", 64, port=tls_server.port, binary=True, tls=ca)
    plain_json = RemoteVectorEnv("CartPole-v1", 64, port=tls_server.port, binary=False, tls=ca)
    try:
        assert binary.binary and not plain_json.binary
        np.testing.assert_array_equal(binary.reset(seed=5)[0], plain_json.reset(seed=5)[0])
        actions = np.arange(64) % 2
        for _ in range(20):
            from_binary, from_json = binary.step(actions), plain_json.step(actions)
            np.testing.assert_array_equal(from_binary[0], from_json[0])
            np.testing.assert_array_equal(from_binary[2], from_json[2])
    finally:
        binary.close()
        plain_json.close()


def test_protocol_1_with_compression_over_tls_and_an_ssl_context(tls_server, certificates):
    context = ssl.create_default_context(cafile=str(certificates / "ca.pem"))
    with Connection("127.0.0.1", tls_server.port, tls=context) as connection:
        assert "instance" in connection.call({"env": {"name": "CartPole-v1"}})
        connection.send({"server": {"compression": "9"}})
        assert len(connection.call({"env": {"action": "reset"}})["observation"]) == 4


def test_the_server_name_is_checked(tls_server, certificates):
    ca = certificates / "ca.pem"
    with GymClient(port=tls_server.port, tls=ca, server_hostname="localhost") as client:
        assert client.server.startswith("GymServer ")
    with pytest.raises(GymServerError) as error:
        GymClient(port=tls_server.port, tls=ca, server_hostname="gymserver.example")
    assert error.value.code == "tls_failed"


@pytest.mark.parametrize("tls", ["other-ca.pem", True], ids=["another CA", "the system's roots"])
def test_a_server_the_client_does_not_trust_is_refused(tls_server, certificates, tls):
    with pytest.raises(GymServerError) as error:
        GymClient(port=tls_server.port, tls=certificates / tls if isinstance(tls, str) else tls)
    assert error.value.code == "tls_failed"
    assert "certificate verify failed" in error.value.message
    # The server goes on serving clients that trust it.
    with GymClient(port=tls_server.port, tls=certificates / "ca.pem") as client:
        assert client.make("CartPole-v1")["instance"]


def test_plain_tcp_to_the_tls_port_gets_tls_required(tls_server):
    with pytest.raises(GymServerError) as error:
        GymClient(port=tls_server.port)
    assert error.value.code == "tls_required"
    with Connection("127.0.0.1", tls_server.port) as connection:
        with pytest.raises(GymServerError) as error:
            connection.call({"env": {"name": "CartPole-v1"}})
        assert error.value.code == "tls_required"
        # The server closed the connection after its notice.
        with pytest.raises(GymServerError) as error:
            connection.call({"env": {"name": "CartPole-v1"}})
        assert error.value.code in ("connection_closed", "connection_lost")


def test_tls_to_a_plain_port_fails_within_the_timeout(server, certificates):
    # The plain server takes the ClientHello for a request line: it waits for its end (a timeout here), or answers
    # invalid_json if the hello's random bytes hold a newline (not TLS: the handshake fails).
    with pytest.raises((TimeoutError, GymServerError)) as error:
        GymClient(port=server.port, timeout=1.0, tls=certificates / "ca.pem")
    assert isinstance(error.value, TimeoutError) or error.value.code == "tls_failed"

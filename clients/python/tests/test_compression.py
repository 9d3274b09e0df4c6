"""Compression of binary frames through the client: what the server agreed to, and vector steps that decode to the
same observations as an uncompressed connection's, for a native env and a pixel-sized Python env."""

import sys

import numpy as np
import pytest

from conftest import ServerProcess
from gymserver_client import GymClient, GymServerError, RemoteVectorEnv
from gymserver_client import compression


def steps(client, env_id, n, count=20):
    vector = RemoteVectorEnv(env_id, n, client=client)
    try:
        observations = [vector.reset(seed=3)[0]]
        for step in range(count):
            actions = np.array([(step + i) % vector.single_action_space.n for i in range(n)])
            observation, reward, terminated, truncated, _ = vector.step(actions)
            observations.append((observation, reward, terminated, truncated))
        return observations
    finally:
        vector.close()


def assert_same(expected, actual):
    assert len(expected) == len(actual)
    for want, got in zip(expected, actual):
        for a, b in zip(want if isinstance(want, tuple) else (want,), got if isinstance(got, tuple) else (got,)):
            np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize("codec", ["lz4", "zstd"])
def test_compressed_native_vectors_step_as_uncompressed_ones(server, codec):
    # 128 CartPoles: a 2,100-byte reply, over the server's 1,024-byte threshold.
    with GymClient(port=server.port, binary=True) as plain, GymClient(port=server.port, compression=codec) as packed:
        assert plain.compression == "none" and packed.compression == codec and packed.binary
        assert_same(steps(plain, "CartPole-v1", 128), steps(packed, "CartPole-v1", 128))


@pytest.mark.parametrize("codec", ["lz4", "zstd"])
def test_compressed_pixel_vectors_step_as_uncompressed_ones(python_server, codec):
    with GymClient(port=python_server.port, binary=True) as plain, \
            GymClient(port=python_server.port, compression=codec) as packed:
        expected = steps(plain, "GymServerTest/Image-v0", 2)
        actual = steps(packed, "GymServerTest/Image-v0", 2)
        assert actual[-1][0].shape == (2, 84, 84, 3) and actual[-1][0].dtype == np.uint8
        actual[-1][0][0, 0, 0, 0] ^= 1  # writable, as an uncompressed reply's observations are
        actual[-1][0][0, 0, 0, 0] ^= 1
        assert_same(expected, actual)


def test_the_server_picks_among_the_codecs_it_allows():
    lz4_only = ServerProcess("--Gym:Tcp:Compression:0=lz4")
    try:
        with GymClient(port=lz4_only.port, compression="zstd") as client, \
                GymClient(port=lz4_only.port, binary=True) as plain:
            assert client.compression == "none"
            assert_same(steps(plain, "CartPole-v1", 64, 3), steps(client, "CartPole-v1", 64, 3))
        with GymClient(port=lz4_only.port, compression=["zstd", "lz4"]) as client:
            assert client.compression == "lz4"
    finally:
        lz4_only.stop()


def test_unknown_names_are_refused_before_connecting():
    with pytest.raises(ValueError, match="unknown compression 'brotli'"):
        GymClient(port=1, compression="brotli")


def test_corrupt_compressed_data_is_a_bad_reply():
    with pytest.raises(GymServerError) as error:
        compression.decompress(1, memoryview(b"\x10\x00\x00\x00\xff\xff\xff\xff"), 1 << 20)
    assert error.value.code == "bad_reply"
    with pytest.raises(GymServerError, match="more than the maximum"):
        compression.decompress(2, memoryview(b"\xff\xff\xff\x7f\x00"), 1 << 20)


def test_the_client_works_without_the_codec_modules(server, monkeypatch):
    # As on a machine without python3-lz4 and python3-zstandard: importing them fails.
    monkeypatch.setitem(sys.modules, "lz4", None)
    monkeypatch.setitem(sys.modules, "lz4.block", None)
    monkeypatch.setitem(sys.modules, "zstandard", None)
    monkeypatch.setattr(compression, "_decoders", {})
    with GymClient(port=server.port, binary=True) as client:
        assert client.compression == "none"
        assert len(steps(client, "CartPole-v1", 4, 3)) == 4
    with pytest.raises(GymServerError) as error:
        GymClient(port=server.port, compression="lz4")
    assert error.value.code == "compression_unavailable" and "python3-lz4" in error.value.message

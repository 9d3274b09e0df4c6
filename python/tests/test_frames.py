import os
import tempfile

import numpy as np
import pytest

from gymserver_worker.frames import HEADER, FrameError, read_frame, write_frame


def _frames_through_file(writes):
    with tempfile.TemporaryFile() as file:
        for kind, call, env, meta, payload in writes:
            write_frame(file.fileno(), kind, call, env, meta, payload)
        file.seek(0)
        data = file.read()
    return data


def _reader(data):
    import io
    return io.BufferedReader(io.BytesIO(data))


def test_header_is_17_bytes():
    assert HEADER.size == 17


def test_frames_round_trip_several_per_stream():
    image = np.arange(84 * 84 * 3, dtype=np.uint32).astype(np.uint8).reshape(84, 84, 3)
    data = _frames_through_file([
        (4, 1, 7, b"", [b"\x01\x02", image]),
        (0, 2, 0, b'{"a":1}', []),
        (1, 3, 9, b"{}", [np.float32([1.5, -2.0])]),
    ])
    stream = _reader(data)
    first = read_frame(stream)
    assert (first.kind, first.call, first.env, first.meta) == (4, 1, 7, b"")
    assert bytes(first.payload[:2]) == b"\x01\x02"
    assert bytes(first.payload[2:]) == image.tobytes()
    second = read_frame(stream)
    assert (second.kind, second.call, second.meta, bytes(second.payload)) == (0, 2, b'{"a":1}', b"")
    third = read_frame(stream)
    assert np.frombuffer(third.payload, "<f4").tolist() == [1.5, -2.0]
    assert read_frame(stream) is None


def test_zero_dimensional_array_payload():
    data = _frames_through_file([(0, 1, 0, b"", [np.float64(2.5).reshape(())])])
    assert np.frombuffer(read_frame(_reader(data)).payload, "<f8").tolist() == [2.5]


def test_large_payload_through_a_pipe():
    read_end, write_end = os.pipe()
    payload = np.random.default_rng(0).integers(0, 256, 3 << 20, dtype=np.uint8)
    child = os.fork()
    if child == 0:
        os.close(read_end)
        write_frame(write_end, 0, 5, 1, b"{}", [payload])
        os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as stream:
        frame = read_frame(stream)
    os.waitpid(child, 0)
    assert frame.call == 5 and bytes(frame.payload) == payload.tobytes()


@pytest.mark.parametrize("cut", [2, 4, 10, 17, 20])
def test_truncated_frame_is_an_error(cut):
    data = _frames_through_file([(0, 1, 0, b'{"x":1}', [b"abc"])])
    with pytest.raises(FrameError):
        read_frame(_reader(data[:cut]))


def test_impossible_length_is_an_error():
    with pytest.raises(FrameError, match="impossible frame length"):
        read_frame(_reader((5).to_bytes(4, "little") + b"\x00" * 5))


def test_meta_longer_than_frame_is_an_error():
    body = HEADER.pack(13, 2, 1, 0, 100)[4:]
    with pytest.raises(FrameError, match="meta length"):
        read_frame(_reader((13).to_bytes(4, "little") + body))

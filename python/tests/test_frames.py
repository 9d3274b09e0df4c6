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


def _pipe_with(data):
    read_end, write_end = os.pipe()
    os.write(write_end, data)
    os.close(write_end)
    return read_end


def test_frame_reader_sees_pipelined_frames_and_batches_nothing_it_cannot_see():
    from gymserver_worker.streams import FrameReader

    data = _frames_through_file([(2, 1, 0, b"{}", [b"x" * 10]), (3, 2, 5, b"", [b"\x01"]), (4, 3, 5, b"", [])])
    reader = FrameReader(_pipe_with(data))
    first = reader.read()
    assert (first.kind, first.call, first.meta, bytes(first.payload)) == (2, 1, b"{}", b"x" * 10)
    assert reader.has_frame()
    assert reader.read().call == 2
    assert reader.read().call == 3
    assert not reader.has_frame()
    assert reader.read() is None


def test_frame_reader_waits_for_a_frame_larger_than_its_chunk():
    from gymserver_worker.streams import FrameReader

    payload = bytes(range(256)) * 1024
    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:
        os.close(read_end)
        write_frame(write_end, 0, 9, 1, b"", [payload])
        os._exit(0)
    os.close(write_end)
    frame = FrameReader(read_end).read()
    os.waitpid(child, 0)
    assert frame.call == 9 and bytes(frame.payload) == payload


@pytest.mark.parametrize("cut", [3, 17, 20])
def test_frame_reader_refuses_a_stream_cut_inside_a_frame(cut):
    from gymserver_worker.streams import FrameReader

    data = _frames_through_file([(0, 1, 0, b'{"x":1}', [b"abc"])])
    with pytest.raises(FrameError):
        FrameReader(_pipe_with(data[:cut])).read()


def test_frame_writer_queues_small_frames_until_flush():
    from gymserver_worker.streams import FrameWriter

    read_end, write_end = os.pipe()
    writer = FrameWriter(write_end)
    writer.write(0, 1, 0, b"", [b"a"])
    writer.write(0, 2, 0, b"{}", [np.int64(5).reshape(())])
    assert os.get_blocking(read_end)
    os.set_blocking(read_end, False)
    with pytest.raises(BlockingIOError):
        os.read(read_end, 100)
    writer.flush()
    os.close(write_end)
    os.set_blocking(read_end, True)
    with os.fdopen(read_end, "rb") as stream:
        assert read_frame(stream).call == 1
        second = read_frame(stream)
        assert second.meta == b"{}" and np.frombuffer(second.payload, "<i8").tolist() == [5]

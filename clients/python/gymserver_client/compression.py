"""Compression of protocol 2's binary frames (docs/protocol.md, "Compression of binary frames").

A compressed frame names its codec in the header's third byte; its payload is the u32 little-endian length of the
payload once decompressed, then an LZ4 block (codec 1) or one Zstandard frame (codec 2). The codecs' libraries
(Debian's python3-lz4 and python3-zstandard) are imported only when a client asks for compression, so the client
works without them otherwise.
"""

from __future__ import annotations

import struct
from typing import Callable, Dict, Optional, Sequence, Union

from gymserver_client.errors import BAD_REPLY, COMPRESSION_UNAVAILABLE, GymServerError

CODECS = {"lz4": 1, "zstd": 2}
"""The codec names the handshake proposes, and the header byte of each."""

NONE = "none"

_LENGTH = struct.Struct("<I")
_decoders: Dict[int, Callable[[memoryview, int], bytes]] = {}


def proposal(compression: Union[str, Sequence[str]]) -> list[str]:
    """The handshake's ``codecs`` for a ``compression`` argument (a name, or names most wanted first), checking that
    this client can decompress each."""
    names = [compression] if isinstance(compression, str) else list(compression)
    for name in names:
        if name not in CODECS:
            raise ValueError(f"unknown compression {name!r}: expected one of {', '.join(CODECS)}")
        _decoder(CODECS[name])
    return names


def decompress(codec: int, payload: memoryview, max_length: int) -> memoryview:
    """A compressed payload decompressed (a writable buffer). The declared length is checked against ``max_length``
    before anything is allocated; data that does not decode to exactly that length is a ``bad_reply``."""
    if len(payload) < _LENGTH.size:
        raise GymServerError(BAD_REPLY, "a compressed frame is shorter than its uncompressed length")
    (length,) = _LENGTH.unpack_from(payload)
    if length > max_length:
        raise GymServerError(BAD_REPLY, f"a compressed frame says it holds {length} bytes, more than the maximum reply")
    try:
        plain = _decoder(codec)(payload[_LENGTH.size:], length)
    except GymServerError:
        raise
    except Exception as e:  # the codecs raise their own error types for corrupt data
        raise GymServerError(BAD_REPLY, f"a compressed frame does not decompress: {e}") from e
    if len(plain) != length:
        raise GymServerError(BAD_REPLY, f"a compressed frame decompressed to {len(plain)} bytes, not the {length} it says")
    # numpy views of a reply are writable, as those of an uncompressed frame's buffer are.
    return memoryview(plain if isinstance(plain, bytearray) else bytearray(plain))


def _decoder(codec: int) -> Callable[[memoryview, int], bytes]:
    decoder = _decoders.get(codec)
    if decoder is None:
        decoder = _decoders[codec] = _load(codec)
    return decoder


def _load(codec: int) -> Callable[[memoryview, int], bytes]:
    name = next((n for n, c in CODECS.items() if c == codec), None)
    try:
        if name == "lz4":
            import lz4.block  # Debian: python3-lz4

            return lambda data, length: lz4.block.decompress(data, uncompressed_size=length, return_bytearray=True)
        if name == "zstd":
            import zstandard  # Debian: python3-zstandard

            context = zstandard.ZstdDecompressor()
            return lambda data, length: context.decompress(data, max_output_size=length)
    except ImportError as e:
        package = "python3-lz4" if name == "lz4" else "python3-zstandard"
        raise GymServerError(COMPRESSION_UNAVAILABLE,
                             f"{name} compression needs the {name} module ({package} on Debian): {e}") from e
    raise GymServerError(BAD_REPLY, f"a frame compressed with unknown codec {codec}")


def codec_name(codec: Optional[str]) -> str:
    """The agreed codec as the handshake reply names it; ``none`` when absent."""
    return codec if codec in CODECS else NONE

// Compression of protocol 2's binary frames (docs/protocol.md, "Compression of binary frames"):
// the header's third byte names the codec; a compressed payload is the u32 little-endian length of
// the payload once decompressed, then an LZ4 block (codec 1) or one Zstandard frame (codec 2).
#ifndef GYMSERVER_FRAME_COMPRESSION_HPP
#define GYMSERVER_FRAME_COMPRESSION_HPP

#include <lz4.h>
#include <zstd.h>

#include <cstdint>
#include <cstring>
#include <string>

#include "gymserver/error.hpp"

namespace gymserver {
namespace binary {

constexpr unsigned char kCodecNone = 0;
constexpr unsigned char kCodecLz4 = 1;
constexpr unsigned char kCodecZstd = 2;

/// The longest payload a compressed reply may declare: memory stays bounded whatever arrives.
constexpr uint32_t kMaxDecompressedLength = 256u << 20;

/// A compressed payload decompressed. The declared length is checked before anything is allocated;
/// data that does not decode to exactly that length is a protocol_error.
inline std::string decompress(unsigned char codec, const std::string& payload) {
  if (payload.size() < 4) {
    throw ConnectionError("protocol_error", "a compressed frame is shorter than its length prefix");
  }
  uint32_t length;
  std::memcpy(&length, payload.data(), sizeof length);
  if (length > kMaxDecompressedLength) {
    throw ConnectionError("protocol_error", "a compressed frame declares " + std::to_string(length) +
                                                " bytes, more than the client accepts");
  }
  std::string plain(length, '\0');
  const char* data = payload.data() + 4;
  size_t size = payload.size() - 4;
  long long written = -1;
  if (codec == kCodecLz4) {
    written = LZ4_decompress_safe(data, &plain[0], static_cast<int>(size), static_cast<int>(length));
  } else if (codec == kCodecZstd) {
    size_t result = ZSTD_decompress(&plain[0], length, data, size);
    written = ZSTD_isError(result) ? -1 : static_cast<long long>(result);
  } else {
    throw ConnectionError("protocol_error",
                          "a frame compressed with unknown codec " + std::to_string(codec));
  }
  if (written != static_cast<long long>(length)) {
    throw ConnectionError("protocol_error", "a compressed frame does not decompress to the " +
                                                std::to_string(length) + " bytes it declares");
  }
  return plain;
}

}  // namespace binary
}  // namespace gymserver

#endif  // GYMSERVER_FRAME_COMPRESSION_HPP

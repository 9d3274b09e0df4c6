// The binary encoding of step_vec (docs/protocol.md, "Binary encoding"): 8-byte frame headers,
// the 0x01 request payload and the 0x81 reply payload.
#ifndef GYMSERVER_BINARY_HPP
#define GYMSERVER_BINARY_HPP

#include <cstdint>
#include <string>
#include <vector>

#include "gymserver/connection.hpp"
#include "gymserver/frame_compression.hpp"
#include "gymserver/json.hpp"
#include "gymserver/space.hpp"

namespace gymserver {
namespace binary {

/// The first byte of every frame (a UTF-8 continuation byte, so never the start of a JSON line).
constexpr unsigned char kMagic = 0xB7;
constexpr unsigned char kStepVecRequest = 0x01;
constexpr unsigned char kStepVecReply = 0x81;
constexpr unsigned char kErrorReply = 0x7F;
constexpr size_t kHeaderSize = 8;

/// A step_vec request frame: header, instance id, then each action in the single action space's
/// raw layout.
inline std::string step_vec_request(const std::string& instance, const Space& action_space,
                                    const std::vector<Json>& actions) {
  if (instance.size() > 255)
    throw Error("invalid_argument", "an instance id longer than 255 bytes");
  std::string frame(kHeaderSize, '\0');
  frame.reserve(kHeaderSize + 1 + instance.size() + actions.size() * action_space.byte_size());
  frame.push_back(static_cast<char>(instance.size()));
  frame.append(instance);
  for (const auto& action : actions) action_space.write_value(action, frame);
  uint32_t length = static_cast<uint32_t>(frame.size() - kHeaderSize);
  frame[0] = static_cast<char>(kMagic);
  frame[1] = static_cast<char>(kStepVecRequest);
  std::memcpy(&frame[4], &length, sizeof length);
  return frame;
}

/// Reads one frame: returns its type and puts its payload in payload, decompressed when the header
/// names a codec.
inline unsigned char read_frame(Connection& connection, std::string& payload) {
  unsigned char header[kHeaderSize];
  connection.read_exact(header, kHeaderSize);
  if (header[0] != kMagic) {
    throw ConnectionError("protocol_error", "a binary reply does not start with 0xB7");
  }
  uint32_t length;
  std::memcpy(&length, header + 4, sizeof length);
  payload.resize(length);
  if (length > 0) connection.read_exact(&payload[0], length);
  if (header[2] != kCodecNone) payload = decompress(header[2], payload);
  return header[1];
}

/// Bounds-checked reading of a reply payload.
class PayloadReader {
 public:
  explicit PayloadReader(const std::string& payload)
      : at_(reinterpret_cast<const unsigned char*>(payload.data())), end_(at_ + payload.size()) {}
  const unsigned char* take(size_t size) {
    if (static_cast<size_t>(end_ - at_) < size) {
      throw ConnectionError("protocol_error", "a binary step_vec reply is shorter than it says");
    }
    const unsigned char* start = at_;
    at_ += size;
    return start;
  }
  uint32_t u32() {
    uint32_t value;
    std::memcpy(&value, take(4), 4);
    return value;
  }
  bool at_end() const { return at_ == end_; }

 private:
  const unsigned char* at_;
  const unsigned char* end_;
};

}  // namespace binary
}  // namespace gymserver

#endif  // GYMSERVER_BINARY_HPP

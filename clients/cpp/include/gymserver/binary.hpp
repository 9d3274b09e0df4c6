// Protocol 2's binary encoding (docs/protocol.md, "Binary encoding"): 8-byte frame headers, the
// request payloads (instance id first) and the reply payloads of step_vec, reset, step, sample and
// reset_vec.
#ifndef GYMSERVER_BINARY_HPP
#define GYMSERVER_BINARY_HPP

#include <cstdint>
#include <optional>
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
constexpr unsigned char kResetRequest = 0x03;
constexpr unsigned char kStepRequest = 0x04;
constexpr unsigned char kSampleRequest = 0x05;
constexpr unsigned char kResetVecRequest = 0x07;
/// A reply's type is its request's with this bit set (0x81 answers 0x01, ...).
constexpr unsigned char kReply = 0x80;
constexpr unsigned char kStepVecReply = kStepVecRequest | kReply;
constexpr unsigned char kErrorReply = 0x7F;
constexpr size_t kHeaderSize = 8;

/// A request frame's header and instance id (u8 length, ASCII); the caller appends the rest of the
/// payload, then finish() writes the payload's length.
inline std::string begin_request(unsigned char type, const std::string& instance, size_t rest = 0) {
  if (instance.size() > 255)
    throw Error("invalid_argument", "an instance id longer than 255 bytes");
  std::string frame(kHeaderSize, '\0');
  frame.reserve(kHeaderSize + 1 + instance.size() + rest);
  frame[0] = static_cast<char>(kMagic);
  frame[1] = static_cast<char>(type);
  frame.push_back(static_cast<char>(instance.size()));
  frame.append(instance);
  return frame;
}

/// Writes the payload's length into a frame begun with begin_request.
inline void finish(std::string& frame) {
  uint32_t length = static_cast<uint32_t>(frame.size() - kHeaderSize);
  std::memcpy(&frame[4], &length, sizeof length);
}

/// A reset (0x03) or reset_vec (0x07) frame: the id, u8 S and the seed's S little-endian bytes
/// (S = 0: no seed), then the options' JSON (nothing for null).
inline std::string reset_request(unsigned char type, const std::string& instance,
                                 std::optional<uint64_t> seed, const Json& options) {
  std::string frame = begin_request(type, instance, 9);
  if (seed) {
    unsigned char bytes[8];
    size_t size = 0;
    uint64_t value = *seed;
    do {
      bytes[size++] = static_cast<unsigned char>(value & 0xFF);
      value >>= 8;
    } while (value != 0);
    frame.push_back(static_cast<char>(size));
    frame.append(reinterpret_cast<const char*>(bytes), size);
  } else {
    frame.push_back('\0');
  }
  if (!options.is_null()) frame.append(options.dump());
  finish(frame);
  return frame;
}

/// A step_vec request frame: header, instance id, then each action in the single action space's
/// raw layout.
inline std::string step_vec_request(const std::string& instance, const Space& action_space,
                                    const std::vector<Json>& actions) {
  std::string frame =
      begin_request(kStepVecRequest, instance, actions.size() * action_space.byte_size());
  for (const auto& action : actions) action_space.write_value(action, frame);
  finish(frame);
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

/// Sends a request frame and returns the payload of its reply, which must be the frame answering
/// it; an error frame throws its ServerError.
inline std::string exchange(Connection& connection, const std::string& frame) {
  connection.send_bytes(frame.data(), frame.size());
  if (connection.peek_byte() != kMagic) {
    // A JSON reply: the error the server sends before it closes (server_shutting_down, ...).
    connection.read_json_reply();
    throw ConnectionError("protocol_error", "a JSON reply came for a binary request");
  }
  std::string payload;
  unsigned char type = read_frame(connection, payload);
  if (type == kErrorReply) {
    Json error = detail::parse_reply(payload);
    detail::throw_if_error(error);
    throw ConnectionError("protocol_error", "a binary error frame without an error: " + payload);
  }
  unsigned char expected = static_cast<unsigned char>(frame[1]) | kReply;
  if (type != expected) {
    throw ConnectionError("protocol_error", "a binary frame of type " + std::to_string(type) +
                                                " came as the reply to type " +
                                                std::to_string(frame[1]));
  }
  return payload;
}

/// Bounds-checked reading of a reply payload.
class PayloadReader {
 public:
  explicit PayloadReader(const std::string& payload)
      : at_(reinterpret_cast<const unsigned char*>(payload.data())), end_(at_ + payload.size()) {}
  const unsigned char* take(size_t size) {
    if (static_cast<size_t>(end_ - at_) < size) {
      throw ConnectionError("protocol_error", "a binary reply is shorter than it says");
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
  /// A u32 length and that many bytes: a value of `space` (its byte size checked).
  Json value(const Space& space) {
    uint32_t size = u32();
    if (size != space.byte_size()) {
      throw ConnectionError("protocol_error", "a binary value of " + std::to_string(size) +
                                                  " bytes, but the space's layout has " +
                                                  std::to_string(space.byte_size()));
    }
    const unsigned char* data = take(size);
    return space.read_value(data);
  }
  /// A u32 length and that much JSON: an info (or a list of them); `empty` when the length is 0.
  Json json(Json empty) {
    uint32_t size = u32();
    if (size == 0) return empty;
    const unsigned char* text = take(size);
    Json parsed = Json::parse(text, text + size, nullptr, false);
    if (parsed.is_discarded())
      throw ConnectionError("protocol_error", "a binary reply's info is not JSON");
    return parsed;
  }
  void expect_end() {
    if (!at_end()) throw ConnectionError("protocol_error", "bytes after a binary reply's last field");
  }

 private:
  const unsigned char* at_;
  const unsigned char* end_;
};

}  // namespace binary
}  // namespace gymserver

#endif  // GYMSERVER_BINARY_HPP

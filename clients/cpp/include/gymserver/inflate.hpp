// zlib inflation of protocol 1's compressed replies (one complete zlib stream per reply).
#ifndef GYMSERVER_INFLATE_HPP
#define GYMSERVER_INFLATE_HPP

#include <zlib.h>

#include <string>

#include "gymserver/error.hpp"

namespace gymserver {

/// Inflates one zlib stream fed in pieces; tells when the stream has ended.
class Inflater {
 public:
  Inflater() {
    if (inflateInit(&stream_) != Z_OK) throw Error("protocol_error", "zlib inflateInit failed");
  }
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;
  ~Inflater() { inflateEnd(&stream_); }

  /// Inflates from data; sets used to the bytes consumed. Returns true once the stream ended (used
  /// then stops right after it).
  bool Feed(const char* data, size_t size, size_t& used) {
    stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data));
    stream_.avail_in = static_cast<uInt>(size);
    char chunk[16384];
    int status = Z_OK;
    do {
      stream_.next_out = reinterpret_cast<Bytef*>(chunk);
      stream_.avail_out = sizeof chunk;
      status = inflate(&stream_, Z_NO_FLUSH);
      if (status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR) {
        throw Error("protocol_error", std::string("a compressed reply does not inflate: ") +
                                          (stream_.msg != nullptr ? stream_.msg : "zlib error"));
      }
      output_.append(chunk, sizeof chunk - stream_.avail_out);
    } while (status == Z_OK && (stream_.avail_in > 0 || stream_.avail_out == 0));
    used = size - stream_.avail_in;
    return status == Z_STREAM_END;
  }

  std::string TakeOutput() { return std::move(output_); }

 private:
  z_stream stream_{};
  std::string output_;
};

}  // namespace gymserver

#endif  // GYMSERVER_INFLATE_HPP

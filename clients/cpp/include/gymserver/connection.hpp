// One TCP connection to a GymServer, over TLS if asked: connect and read timeouts, reply framing
// ("\r\n\r\n"), zlib replies and binary frames. POSIX sockets only.
#ifndef GYMSERVER_CONNECTION_HPP
#define GYMSERVER_CONNECTION_HPP

#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <string>
#include <vector>

#include "gymserver/error.hpp"
#include "gymserver/inflate.hpp"
#include "gymserver/json.hpp"
#include "gymserver/tls.hpp"

namespace gymserver {

/// How long the client waits. A zero or negative duration waits for ever.
struct Timeouts {
  /// To establish the TCP connection.
  std::chrono::milliseconds connect{5000};
  /// For each reply, from when the client starts waiting for it to its last byte.
  std::chrono::milliseconds read{30000};
};

/// A connected socket with a read buffer. Move-only; closes the socket when destroyed. After any
/// ConnectionError (closed, timeout, garbage) it refuses further use, since the replies could no
/// longer be matched to their requests.
class Connection {
 public:
  /// Connects, then with tls.enabled completes a TLS handshake within the connect timeout.
  Connection(const std::string& host, const std::string& port, Timeouts timeouts = {},
             const Tls& tls = {})
      : timeouts_(timeouts) {
    if (tls.enabled && !kTlsAvailable) {
      throw ConnectionError("tls_failed",
                            "this build of the GymServer client has no TLS: compile with "
                            "GYMSERVER_TLS=1 and link OpenSSL's libssl (CMake does both when it "
                            "finds OpenSSL)");
    }
    fd_ = Open(host, port, timeouts.connect);
    if (timeouts.read.count() > 0) {
      // A server that stops reading (it has too many replies waiting) blocks send: bound that too.
      timeval limit{};
      limit.tv_sec = static_cast<time_t>(timeouts.read.count() / 1000);
      limit.tv_usec = static_cast<suseconds_t>((timeouts.read.count() % 1000) * 1000);
      ::setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &limit, sizeof limit);
    }
    if (tls.enabled) StartTls(tls, host, port);
  }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  Connection(Connection&& other) noexcept { *this = std::move(other); }
  Connection& operator=(Connection&& other) noexcept {
    if (this != &other) {
      Close();
      fd_ = other.fd_;
      other.fd_ = -1;
      timeouts_ = other.timeouts_;
      buffer_ = std::move(other.buffer_);
      head_ = other.head_;
      broken_ = other.broken_;
#if GYMSERVER_TLS
      tls_ = std::move(other.tls_);
#endif
    }
    return *this;
  }
  ~Connection() { Close(); }

  /// Sends one request line (the "\r\n" terminator is added).
  void send_line(const std::string& line) {
    std::string framed;
    framed.reserve(line.size() + 2);
    framed.append(line).append("\r\n");
    send_bytes(framed.data(), framed.size());
  }

  /// Sends raw bytes (a binary frame), all of them.
  void send_bytes(const void* data, size_t size) {
    CheckUsable();
    const char* bytes = static_cast<const char*>(data);
#if GYMSERVER_TLS
    if (tls_) {
      Guarded([&] { tls_->Write(bytes, size, Sender{this}); });
      return;
    }
#endif
    SendRaw(bytes, size);
  }

  /// Reads one reply body (without its "\r\n\r\n"). With maybe_compressed set, a body that does
  /// not start with '{' (JSON replies are objects) is a zlib stream and is inflated; the stream's
  /// own end marks the body's end, so compressed bytes that happen to hold "\r\n\r\n" cannot cut
  /// it short.
  std::string read_reply(bool maybe_compressed = false) {
    Deadline deadline(timeouts_.read);
    Fill(1, deadline);
    if (maybe_compressed && buffer_[head_] != '{') return ReadCompressed(deadline);
    static const char kEnd[] = "\r\n\r\n";
    size_t scanned = head_;
    for (;;) {
      const char* begin = buffer_.data() + scanned;
      const char* end = buffer_.data() + buffer_.size();
      const char* found = std::search(begin, end, kEnd, kEnd + 4);
      if (found != end) {
        std::string body(buffer_.data() + head_,
                         static_cast<size_t>(found - (buffer_.data() + head_)));
        head_ = static_cast<size_t>(found - buffer_.data()) + 4;
        return body;
      }
      scanned = buffer_.size() >= head_ + 3 ? buffer_.size() - 3 : head_;
      Fill(buffer_.size() - head_ + 1, deadline);
    }
  }

  /// The next byte of the stream, without consuming it (waits for it).
  unsigned char peek_byte() {
    Deadline deadline(timeouts_.read);
    Fill(1, deadline);
    return static_cast<unsigned char>(buffer_[head_]);
  }

  /// Reads exactly size bytes.
  void read_exact(void* out, size_t size) {
    Deadline deadline(timeouts_.read);
    Fill(size, deadline);
    std::memcpy(out, buffer_.data() + head_, size);
    head_ += size;
  }

  const Timeouts& timeouts() const { return timeouts_; }

  /// Reads one reply body and parses it; throws ServerError for an error reply. After an error the
  /// server sends before closing (server_shutting_down, ...) the connection refuses further use.
  Json read_json_reply(bool maybe_compressed = false) {
    std::string body = read_reply(maybe_compressed);
    Json reply = Json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (reply.is_discarded() || !reply.is_object()) {
      Fail("protocol_error", "the server's reply is not a JSON object: " + body.substr(0, 200));
    }
    auto error = reply.find("error");
    if (error != reply.end() && error->is_object() &&
        detail::ends_connection(error->value("code", std::string()))) {
      broken_ = true;
    }
    detail::throw_if_error(reply);
    return reply;
  }

 private:
  // A point in time after which reading fails; "never" when the timeout is not positive.
  struct Deadline {
    explicit Deadline(std::chrono::milliseconds timeout)
        : timeout(timeout),
          forever(timeout.count() <= 0),
          at(std::chrono::steady_clock::now() + timeout) {}
    int RemainingMs() const {
      if (forever) return -1;
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          at - std::chrono::steady_clock::now());
      return left.count() > 0 ? static_cast<int>(left.count()) : 0;
    }
    std::chrono::milliseconds timeout;
    bool forever;
    std::chrono::steady_clock::time_point at;
  };

  static int Open(const std::string& host, const std::string& port,
                  std::chrono::milliseconds timeout) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    int status = ::getaddrinfo(host.c_str(), port.c_str(), &hints, &found);
    if (status != 0) {
      throw ConnectionError("connection_failed",
                            "cannot resolve " + host + ":" + port + ": " + gai_strerror(status));
    }
    std::string last_error = "no address";
    for (addrinfo* address = found; address != nullptr; address = address->ai_next) {
      int fd = ConnectOne(address, timeout, last_error);
      if (fd >= 0) {
        ::freeaddrinfo(found);
        return fd;
      }
    }
    ::freeaddrinfo(found);
    throw ConnectionError("connection_failed",
                          "cannot connect to " + host + ":" + port + ": " + last_error);
  }

  // Connects without blocking so that the connect timeout applies, then goes back to blocking mode
  // (reads wait in poll, which carries the read timeout).
  static int ConnectOne(const addrinfo* address, std::chrono::milliseconds timeout,
                        std::string& error) {
    int fd =
        ::socket(address->ai_family, address->ai_socktype | SOCK_CLOEXEC, address->ai_protocol);
    if (fd < 0) {
      error = std::strerror(errno);
      return -1;
    }
    int flags = ::fcntl(fd, F_GETFL, 0);
    ::fcntl(fd, F_SETFL, flags | O_NONBLOCK);
    int result = ::connect(fd, address->ai_addr, address->ai_addrlen);
    if (result < 0 && errno == EINPROGRESS) {
      pollfd waiting{fd, POLLOUT, 0};
      int ready = ::poll(&waiting, 1, timeout.count() > 0 ? static_cast<int>(timeout.count()) : -1);
      if (ready == 0) {
        error = "timed out after " + std::to_string(timeout.count()) + " ms";
        ::close(fd);
        return -1;
      }
      int so_error = 0;
      socklen_t length = sizeof so_error;
      ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &so_error, &length);
      result = so_error == 0 ? 0 : -1;
      errno = so_error;
    }
    if (result < 0) {
      error = std::strerror(errno);
      ::close(fd);
      return -1;
    }
    ::fcntl(fd, F_SETFL, flags);
    // Lockstep request/reply traffic: Nagle's algorithm would hold each small request back.
    int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
  }

  // Makes at least `size` unread bytes available in the buffer, or fails.
  void Fill(size_t size, const Deadline& deadline) {
    CheckUsable();
    if (head_ > 0 && head_ == buffer_.size()) {
      buffer_.clear();
      head_ = 0;
    }
    while (buffer_.size() - head_ < size) {
      if (head_ > 65536 && head_ * 2 > buffer_.size()) {
        buffer_.erase(buffer_.begin(), buffer_.begin() + static_cast<std::ptrdiff_t>(head_));
        head_ = 0;
      }
      size_t old_size = buffer_.size();
      buffer_.resize(old_size + 65536);
      size_t received = Receive(buffer_.data() + old_size, 65536, deadline);
      buffer_.resize(old_size + received);
      if (received == 0) Fail("connection_closed", "the server closed the connection");
    }
  }

  // Receives some bytes of the stream (decrypted, over TLS) into out; 0 at its end.
  size_t Receive(char* out, size_t size, const Deadline& deadline) {
#if GYMSERVER_TLS
    if (tls_) {
      size_t received = 0;
      Guarded([&] { received = tls_->Read(out, size, Sender{this}, Receiver{this, &deadline}); });
      return received;
    }
#endif
    return ReceiveRaw(out, size, deadline);
  }

  // Receives some bytes from the socket, waiting until the deadline; 0 at end of stream.
  size_t ReceiveRaw(char* out, size_t size, const Deadline& deadline) {
    for (;;) {
      pollfd waiting{fd_, POLLIN, 0};
      int ready = ::poll(&waiting, 1, deadline.RemainingMs());
      if (ready < 0 && errno == EINTR) continue;
      if (ready == 0) {
        Fail("timeout", "no reply within " + std::to_string(deadline.timeout.count()) + " ms");
      }
      ssize_t received = ::recv(fd_, out, size, 0);
      if (received < 0 && errno == EINTR) continue;
      if (received < 0)
        Fail("connection_closed", std::string("reading failed: ") + std::strerror(errno));
      return static_cast<size_t>(received);
    }
  }

  // Sends all the bytes to the socket.
  void SendRaw(const char* bytes, size_t size) {
    while (size > 0) {
      ssize_t sent = ::send(fd_, bytes, size, MSG_NOSIGNAL);
      if (sent < 0 && errno == EINTR) continue;
      if (sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        Fail("timeout", "the server took no request bytes for " +
                            std::to_string(timeouts_.read.count()) + " ms");
      }
      if (sent <= 0)
        Fail("connection_closed", "sending failed: " + std::string(std::strerror(errno)));
      bytes += sent;
      size -= static_cast<size_t>(sent);
    }
  }

  // The TLS handshake, within the connect timeout; its failures close the socket (the constructor
  // throws, so the destructor will not).
  void StartTls(const Tls& tls, const std::string& host, const std::string& port) {
#if GYMSERVER_TLS
    try {
      tls_ = std::make_unique<detail::TlsSession>(tls, host);
      Deadline deadline(timeouts_.connect);
      tls_->Handshake(Sender{this}, Receiver{this, &deadline});
    } catch (const ConnectionError& error) {
      Close();
      // A handshake cut short by the deadline is a timeout; anything else means no trusted TLS.
      throw ConnectionError(error.code() == "timeout" ? "timeout" : "tls_failed",
                            "TLS handshake with " + host + ":" + port + ": " + error.message() +
                                " (is the certificate trusted and for this host, and does the "
                                "port speak TLS?)");
    }
#else
    (void)tls, (void)host, (void)port;
#endif
  }

#if GYMSERVER_TLS
  // The TLS session's socket I/O: this connection's own, with its deadlines.
  struct Sender {
    Connection* connection;
    void operator()(const char* bytes, size_t size) const { connection->SendRaw(bytes, size); }
  };
  struct Receiver {
    Connection* connection;
    const Deadline* deadline;
    size_t operator()(char* out, size_t size) const {
      return connection->ReceiveRaw(out, size, *deadline);
    }
  };

  // Runs a TLS session call; a failure it reports leaves the connection unusable, as Fail does.
  template <class Call>
  void Guarded(Call&& call) {
    try {
      call();
    } catch (const ConnectionError&) {
      broken_ = true;
      throw;
    }
  }
#endif

  std::string ReadCompressed(const Deadline& deadline) {
    Inflater inflater;
    for (;;) {
      size_t used = 0;
      bool done = false;
      try {
        done = inflater.Feed(buffer_.data() + head_, buffer_.size() - head_, used);
      } catch (const Error& error) {
        Fail(error.code(), error.message());
      }
      head_ += used;
      if (done) break;
      Fill(1, deadline);
    }
    Fill(4, deadline);
    if (std::memcmp(buffer_.data() + head_, "\r\n\r\n", 4) != 0) {
      Fail("protocol_error", "a compressed reply is not followed by \"\\r\\n\\r\\n\"");
    }
    head_ += 4;
    return inflater.TakeOutput();
  }

  void CheckUsable() const {
    if (fd_ < 0 || broken_) {
      throw ConnectionError("connection_closed",
                            "the connection is closed or broken; connect again");
    }
  }

  [[noreturn]] void Fail(const std::string& code, const std::string& message) {
    broken_ = true;
    throw ConnectionError(code, message);
  }

  void Close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

  int fd_ = -1;
  Timeouts timeouts_;
  std::vector<char> buffer_;
  size_t head_ = 0;
  bool broken_ = false;
#if GYMSERVER_TLS
  std::unique_ptr<detail::TlsSession> tls_;
#endif
};

}  // namespace gymserver

#endif  // GYMSERVER_CONNECTION_HPP

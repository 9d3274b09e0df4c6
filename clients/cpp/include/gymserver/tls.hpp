// TLS for a connection (the server's Gym:Tcp:Tls), on OpenSSL's libssl. Compiled in only with
// GYMSERVER_TLS=1 (CMake defines it, and links OpenSSL::SSL, when it finds OpenSSL), so that the
// header-only client builds without OpenSSL; without it, asking for TLS is a ConnectionError.
#ifndef GYMSERVER_TLS_HPP
#define GYMSERVER_TLS_HPP

#include <string>

#include "gymserver/error.hpp"

#if GYMSERVER_TLS
#include <arpa/inet.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <climits>
#include <memory>
#endif

namespace gymserver {

/// How a connection uses TLS. Off by default; the server's TCP port must speak TLS (Gym:Tcp:Tls).
/// The server's certificate must chain to a CA of ca_file (or, without one, to a root the system
/// trusts) and be for server_name; otherwise connecting throws ConnectionError "tls_failed".
struct Tls {
  bool enabled = false;
  /// A PEM file of the CA certificate(s) to trust instead of the system's roots (a private CA, a
  /// self-signed server certificate). Empty: the system's trusted roots.
  std::string ca_file;
  /// The DNS name or IP address the certificate must be for, also sent as SNI. Empty: the host
  /// connected to.
  std::string server_name;
};

/// Whether this build of the client can speak TLS (GYMSERVER_TLS).
#if GYMSERVER_TLS
inline constexpr bool kTlsAvailable = true;
#else
inline constexpr bool kTlsAvailable = false;
#endif

#if GYMSERVER_TLS
namespace detail {

// One TLS client session over memory buffers: OpenSSL only encrypts and decrypts, and the caller's
// send(const char*, size_t) and receive(char*, size_t) -> size_t (0 at end of stream) move the
// bytes, so the connection keeps its own socket I/O (its deadlines, MSG_NOSIGNAL). Errors are
// ConnectionErrors.
class TlsSession {
 public:
  TlsSession(const Tls& options, const std::string& host) {
    ERR_clear_error();
    context_.reset(SSL_CTX_new(TLS_client_method()));
    if (!context_) Throw("tls_failed", "cannot create a TLS context");
    SSL_CTX_set_min_proto_version(context_.get(), TLS1_2_VERSION);
    SSL_CTX_set_verify(context_.get(), SSL_VERIFY_PEER, nullptr);
    int loaded = options.ca_file.empty()
                     ? SSL_CTX_set_default_verify_paths(context_.get())
                     : SSL_CTX_load_verify_locations(context_.get(), options.ca_file.c_str(), nullptr);
    if (loaded != 1) {
      Throw("tls_failed", options.ca_file.empty()
                              ? "cannot load the system's trusted roots"
                              : "cannot load the CA file " + options.ca_file + ": " + Reason());
    }
    ssl_.reset(SSL_new(context_.get()));
    if (!ssl_) Throw("tls_failed", "cannot create a TLS session");
    in_ = BIO_new(BIO_s_mem());
    out_ = BIO_new(BIO_s_mem());
    SSL_set_bio(ssl_.get(), in_, out_);  // the session owns both
    const std::string& name = options.server_name.empty() ? host : options.server_name;
    unsigned char address[sizeof(in6_addr)];
    bool is_ip = ::inet_pton(AF_INET, name.c_str(), address) == 1 ||
                 ::inet_pton(AF_INET6, name.c_str(), address) == 1;
    // An IP address is checked against the certificate's IP addresses, a name against its DNS
    // names (and is the SNI, which must not be an address).
    int named = is_ip ? X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl_.get()), name.c_str())
                      : SSL_set_tlsext_host_name(ssl_.get(), name.c_str()) == 1 &&
                            SSL_set1_host(ssl_.get(), name.c_str()) == 1;
    if (named != 1) Throw("tls_failed", "cannot check the server's certificate for " + name);
    SSL_set_connect_state(ssl_.get());
  }

  template <class Send, class Receive>
  void Handshake(Send&& send, Receive&& receive) {
    for (;;) {
      ERR_clear_error();
      int result = SSL_do_handshake(ssl_.get());
      Flush(send);
      if (result == 1) return;
      if (SSL_get_error(ssl_.get(), result) != SSL_ERROR_WANT_READ) Throw("tls_failed", Reason());
      if (!Feed(receive)) {
        Throw("tls_failed", "the server closed the connection in the handshake");
      }
    }
  }

  template <class Send>
  void Write(const char* data, size_t size, Send&& send) {
    while (size > 0) {
      ERR_clear_error();
      int chunk = static_cast<int>(std::min<size_t>(size, INT_MAX));
      int written = SSL_write(ssl_.get(), data, chunk);
      if (written <= 0) Throw("connection_closed", "TLS: " + Reason());
      data += written;
      size -= static_cast<size_t>(written);
    }
    Flush(send);
  }

  // Decrypts some bytes into out (at least one), receiving as needed; 0 when the server ended the
  // session or closed the connection.
  template <class Send, class Receive>
  size_t Read(char* out, size_t size, Send&& send, Receive&& receive) {
    for (;;) {
      ERR_clear_error();
      int chunk = static_cast<int>(std::min<size_t>(size, INT_MAX));
      int read = SSL_read(ssl_.get(), out, chunk);
      if (read > 0) return static_cast<size_t>(read);
      int error = SSL_get_error(ssl_.get(), read);
      Flush(send);  // what the session has to say back (a key update)
      if (error == SSL_ERROR_ZERO_RETURN) return 0;
      if (error != SSL_ERROR_WANT_READ) Throw("protocol_error", "TLS: " + Reason());
      if (!Feed(receive)) return 0;
    }
  }

 private:
  struct FreeContext {
    void operator()(SSL_CTX* context) const { SSL_CTX_free(context); }
  };
  struct FreeSsl {
    void operator()(SSL* ssl) const { SSL_free(ssl); }
  };

  // Sends what the session wrote.
  template <class Send>
  void Flush(Send& send) {
    char buffer[16384];
    int pending;
    while ((pending = BIO_read(out_, buffer, sizeof buffer)) > 0) {
      send(buffer, static_cast<size_t>(pending));
    }
  }

  // Gives the session what the socket has; false at end of stream.
  template <class Receive>
  bool Feed(Receive& receive) {
    char buffer[16384];
    size_t received = receive(buffer, sizeof buffer);
    if (received == 0) return false;
    BIO_write(in_, buffer, static_cast<int>(received));
    return true;
  }

  // Why the last call failed: the certificate check's verdict, else OpenSSL's error queue.
  std::string Reason() const {
    if (ssl_) {
      long verdict = SSL_get_verify_result(ssl_.get());
      if (verdict != X509_V_OK) {
        return std::string("certificate verify failed: ") + X509_verify_cert_error_string(verdict);
      }
    }
    unsigned long error = ERR_get_error();
    if (error == 0) return "the connection is not TLS, or was cut";
    char text[256];
    ERR_error_string_n(error, text, sizeof text);
    return text;
  }

  [[noreturn]] static void Throw(const std::string& code, const std::string& message) {
    throw ConnectionError(code, message);
  }

  std::unique_ptr<SSL_CTX, FreeContext> context_;
  std::unique_ptr<SSL, FreeSsl> ssl_;
  BIO* in_ = nullptr;
  BIO* out_ = nullptr;
};

}  // namespace detail
#endif

}  // namespace gymserver

#endif  // GYMSERVER_TLS_HPP

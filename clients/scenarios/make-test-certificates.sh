#!/usr/bin/env bash
# Makes throwaway certificates for the clients' TLS tests (OpenSSL's command line):
#   make-test-certificates.sh <dir>
# writes <dir>/ca.pem (a test CA), server.pem and server.key (a certificate it signs for localhost and 127.0.0.1,
# PEM with an unencrypted key, as the server's Gym:Tcp:Tls:Certificate takes them) and other-ca.pem (a CA that signed
# nothing, for clients that must refuse the server). The CA keys are deleted: nothing else can be signed.
set -euo pipefail
dir="$1"
mkdir -p "$dir"
cd "$dir"
key=(-newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes)
ca_extensions=(-addext "keyUsage=critical,keyCertSign,cRLSign")
openssl req -x509 "${key[@]}" -keyout ca.key -out ca.pem -days 30 -subj "/CN=GymServer Test CA" \
  "${ca_extensions[@]}" 2>/dev/null
openssl req -x509 "${key[@]}" -keyout other-ca.key -out other-ca.pem -days 30 -subj "/CN=GymServer Other CA" \
  "${ca_extensions[@]}" 2>/dev/null
openssl req "${key[@]}" -keyout server.key -out server.csr -subj "/CN=localhost" 2>/dev/null
cat >server.ext <<'EXTENSIONS'
subjectAltName = DNS:localhost, IP:127.0.0.1
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
authorityKeyIdentifier = keyid
subjectKeyIdentifier = hash
EXTENSIONS
openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 30 -extfile server.ext \
  -out server.pem 2>/dev/null
rm -f ca.key other-ca.key ca.srl server.csr server.ext

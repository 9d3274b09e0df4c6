// Compression of binary frames: what the server agrees to, and compressed vector steps that decode
// to the same results as an uncompressed connection's (native CartPole and a pixel-sized Python env).
#include "gymserver/client.hpp"
#include "harness.hpp"

using gymserver::Client;
using gymserver::ClientOptions;
using gymserver::Encoding;
using gymserver::Json;

namespace {
Client connect(std::vector<std::string> codecs) {
  ClientOptions options;
  options.encoding = Encoding::kBinary;
  options.compression = std::move(codecs);
  return Client(harness::kHost, harness::server_port(), options);
}

// Steps an n-env vector of id from seed 3 on both clients with the same actions; every result must
// be the same.
void check_same_steps(Client& plain, Client& packed, const std::string& id, int n, int actions) {
  gymserver::VectorEnv expected = plain.make_vec(id, n);
  gymserver::VectorEnv actual = packed.make_vec(id, n);
  CHECK_EQ(actual.reset(3).observations, expected.reset(3).observations);
  for (int t = 0; t < 12; ++t) {
    std::vector<Json> step_actions;
    for (int i = 0; i < n; ++i) step_actions.push_back((t + i) % actions);
    gymserver::VecStepResult want = expected.step(step_actions);
    gymserver::VecStepResult got = actual.step(step_actions);
    CHECK(got.observations == want.observations);
    CHECK(got.rewards == want.rewards);
    CHECK(got.terminated == want.terminated);
    CHECK(got.truncated == want.truncated);
  }
}
}  // namespace

TEST_CASE(zip_compressed_vectors_step_as_uncompressed_ones) {
  for (const std::string codec : {"lz4", "zstd"}) {
    Client plain = connect({});
    Client packed = connect({codec});
    CHECK_EQ(plain.compression(), std::string("none"));
    CHECK_EQ(packed.compression(), codec);
    // 128 CartPoles: a 2,100-byte reply payload, over the server's 1,024-byte threshold.
    check_same_steps(plain, packed, "CartPole-v1", 128, 2);
  }
}

TEST_CASE(zip_compressed_pixel_vectors) {
  for (const std::string codec : {"lz4", "zstd"}) {
    Client plain = connect({});
    Client packed = connect({codec});
    // 84x84x3 uint8 frames from a real Python worker (the fixture's fake gymnasium test envs).
    check_same_steps(plain, packed, "GymServerTest/Image-v0", 2, 4);
  }
}

TEST_CASE(zip_server_picks_the_codec) {
  CHECK_EQ(connect({"brotli", "zstd", "lz4"}).compression(), std::string("zstd"));
  CHECK_EQ(connect({"none", "lz4"}).compression(), std::string("none"));
  ClientOptions json;
  json.encoding = gymserver::Encoding::kJson;
  json.compression = {"lz4"};
  CHECK_THROWS_CODE(gymserver::Error, "invalid_argument",
                    Client(harness::kHost, harness::server_port(), json));
}

TEST_CASE(unit_corrupt_compressed_frames_are_refused) {
  std::string corrupt("\x10\x00\x00\x00\xff\xff\xff\xff", 8);
  CHECK_THROWS_CODE(gymserver::ConnectionError, "protocol_error",
                    gymserver::binary::decompress(gymserver::binary::kCodecLz4, corrupt));
  CHECK_THROWS_CODE(gymserver::ConnectionError, "protocol_error",
                    gymserver::binary::decompress(gymserver::binary::kCodecZstd, corrupt));
  std::string bomb("\xff\xff\xff\x7f\x00", 5);
  CHECK_THROWS_CODE(gymserver::ConnectionError, "protocol_error",
                    gymserver::binary::decompress(gymserver::binary::kCodecZstd, bomb));
}

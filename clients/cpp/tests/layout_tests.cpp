// Space descriptions and the binary layout, without a server.
#include <cstring>

#include "gymserver/binary.hpp"
#include "gymserver/space.hpp"
#include "harness.hpp"

using gymserver::Json;
using gymserver::Space;
using gymserver::SpaceType;

namespace {
std::string bytes(std::initializer_list<int> values) {
  std::string out;
  for (int value : values) out.push_back(static_cast<char>(value));
  return out;
}

Json round_trip(const Space& space, const Json& value) {
  std::string raw;
  space.write_value(value, raw);
  CHECK_EQ(raw.size(), space.byte_size());
  const unsigned char* data = reinterpret_cast<const unsigned char*>(raw.data());
  Json back = space.read_value(data);
  CHECK(data == reinterpret_cast<const unsigned char*>(raw.data()) + raw.size());
  return back;
}
}  // namespace

TEST_CASE(unit_protocol1_descriptions) {
  Space box = Space::from_json(Json::parse(
      R"({"name":"Box","shape":[4],"low":[-4.8,-1e+100,-0.4,-1e+100],"high":[4.8,1e+100,0.4,1e+100]})"));
  CHECK(box.type == SpaceType::kBox);
  CHECK_EQ(box.dtype, std::string("float32"));
  CHECK_EQ(box.high[1], 1e100);
  Space tuple = Space::from_json(Json::parse(
      R"({"name":"Tuple","spaces":[{"name":"Discrete","n":32},{"name":"MultiBinary","n":4,"shape":[4]}]})"));
  CHECK_EQ(tuple.spaces.size(), 2u);
  CHECK_EQ(tuple.spaces[0].n, 32);
  CHECK_EQ(tuple.spaces[1].element_count(), 4u);
  CHECK_EQ(tuple.byte_size(), 12u);
}

TEST_CASE(unit_binary_layouts_round_trip) {
  Space discrete = Space::from_json({{"type", "Discrete"}, {"n", 3}, {"start", -1}});
  std::string raw;
  discrete.write_value(-1, raw);
  CHECK_EQ(raw, bytes({0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}));
  CHECK_EQ(round_trip(discrete, 1), Json(1));
  Space box = Space::from_json(Json::parse(
      R"({"type":"Box","shape":[2,2],"dtype":"float32","low":["-inf",0,0,0],"high":["inf",1,1,1]})"));
  CHECK(std::isinf(box.low[0]));
  CHECK_EQ(round_trip(box, Json::parse("[[0.5,-2.0],[1.25,0.0]]")),
           Json::parse("[[0.5,-2.0],[1.25,0.0]]"));
  Space bytes_box = Space::from_json(Json::parse(
      R"({"type":"Box","shape":[3],"dtype":"uint8","low":[0,0,0],"high":[255,255,255]})"));
  CHECK_EQ(bytes_box.byte_size(), 3u);
  CHECK_EQ(round_trip(bytes_box, Json::parse("[0,128,255]")), Json::parse("[0,128,255]"));
  Space multi = Space::from_json(Json::parse(
      R"({"type":"MultiDiscrete","nvec":[[3,5],[2,2]],"start":[[0,0],[0,0]],"dtype":"int64"})"));
  CHECK_EQ(multi.byte_size(), 32u);
  CHECK_EQ(round_trip(multi, Json::parse("[[2,4],[1,0]]")), Json::parse("[[2,4],[1,0]]"));
  Space binary = Space::from_json({{"type", "MultiBinary"}, {"n", Json::array({2, 3})}});
  CHECK_EQ(binary.byte_size(), 6u);
  CHECK_EQ(round_trip(binary, Json::parse("[[1,0,1],[0,0,1]]")), Json::parse("[[1,0,1],[0,0,1]]"));
}

TEST_CASE(unit_dict_keeps_the_servers_key_order) {
  // Not alphabetical: the layout follows the description's order.
  Space dict = Space::from_json(
      Json::parse(R"({"type":"Dict","spaces":{"z":{"type":"Discrete","n":4,"start":0},)"
                  R"("a":{"type":"Box","shape":[],"dtype":"float64","low":[0],"high":[1]}}})"));
  CHECK_EQ(dict.keys[0], std::string("z"));
  std::string raw;
  dict.write_value({{"a", 0.5}, {"z", 3}}, raw);
  CHECK_EQ(raw.size(), 16u);
  CHECK_EQ(raw[0], 3);
  Json back = round_trip(dict, {{"a", 0.5}, {"z", 3}});
  CHECK_EQ(back["a"], Json(0.5));
  CHECK_EQ(back.begin().key(), std::string("z"));
  CHECK_THROWS_CODE(gymserver::Error, "invalid_action", dict.write_value({{"z", 3}}, raw));
  Space tuple = Space::from_json(Json::parse(
      R"({"type":"Tuple","spaces":[{"type":"Discrete","n":2,"start":0},{"type":"Discrete","n":2,"start":0}]})"));
  CHECK_THROWS_CODE(gymserver::Error, "invalid_action", tuple.write_value(Json::array({1}), raw));
  CHECK_THROWS_CODE(gymserver::Error, "invalid_action",
                    tuple.write_value(Json::array({1, 0.5}), raw));
}

TEST_CASE(unit_step_vec_request_frame) {
  Space discrete = Space::from_json({{"type", "Discrete"}, {"n", 2}, {"start", 0}});
  std::string frame = gymserver::binary::step_vec_request("abc", discrete, {1, 0});
  // Header: magic, type, two reserved bytes, the payload length (1 + 3 + 2 * 8 = 20) little-endian.
  CHECK_EQ(frame.substr(0, 8), bytes({0xB7, 0x01, 0, 0, 20, 0, 0, 0}));
  CHECK_EQ(frame.substr(8, 4), std::string("\x03"
                                           "abc"));
  CHECK_EQ(frame.substr(12), bytes({1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}));
}

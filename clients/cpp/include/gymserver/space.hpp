// Spaces as the server describes them (protocol 1's {"name":..} and protocol 2's {"type":..}
// descriptions), with the raw byte layout the binary encoding uses.
#ifndef GYMSERVER_SPACE_HPP
#define GYMSERVER_SPACE_HPP

#include <cstdint>
#include <string>
#include <vector>

#include "gymserver/json.hpp"
#include "gymserver/space_layout.hpp"

namespace gymserver {

/// The kinds of Gymnasium spaces the server speaks.
enum class SpaceType { kDiscrete, kBox, kMultiDiscrete, kMultiBinary, kTuple, kDict };

/// A Gymnasium space: its type and the fields that type has. Fields of other types stay empty.
struct Space {
  SpaceType type = SpaceType::kDiscrete;
  /// Discrete: the number of values and the first one (values are start .. start + n - 1).
  int64_t n = 0;
  int64_t start = 0;
  /// Box, MultiDiscrete, MultiBinary: the shape (MultiDiscrete: of nvec).
  std::vector<int64_t> shape;
  /// Box: the element type ("float32", "float64", "int64", "uint8", ...).
  std::string dtype = "float32";
  /// Box: bounds, flat in row-major order (infinite bounds as +-infinity). MultiDiscrete (protocol
  /// 1): inclusive bounds.
  std::vector<double> low, high;
  /// MultiDiscrete (protocol 2): the number of values of each part and its first value.
  std::vector<int64_t> nvec, starts;
  /// Tuple, Dict: the parts; Dict: their keys, in the server's order.
  std::vector<Space> spaces;
  std::vector<std::string> keys;
  /// The description as the server sent it.
  Json description;

  /// Reads a description of either protocol.
  static Space from_json(const Json& description) {
    Space space;
    space.description = description;
    std::string kind = description.contains("type") ? description.at("type").get<std::string>()
                                                    : description.at("name").get<std::string>();
    if (kind == "Discrete") {
      space.type = SpaceType::kDiscrete;
      space.n = description.at("n").get<int64_t>();
      space.start = description.value("start", int64_t{0});
    } else if (kind == "Box") {
      space.type = SpaceType::kBox;
      space.shape = description.at("shape").get<std::vector<int64_t>>();
      space.dtype = description.value("dtype", std::string("float32"));
      space.low = to_vector(description.at("low"));
      space.high = to_vector(description.at("high"));
    } else if (kind == "MultiDiscrete") {
      space.type = SpaceType::kMultiDiscrete;
      if (description.contains("nvec")) {
        for (double value : to_vector(description.at("nvec")))
          space.nvec.push_back(static_cast<int64_t>(value));
        for (double value : to_vector(description.at("start")))
          space.starts.push_back(static_cast<int64_t>(value));
        space.shape = nested_shape(description.at("nvec"));
      } else {
        space.low = to_vector(description.at("low"));
        space.high = to_vector(description.at("high"));
        space.shape = {static_cast<int64_t>(space.low.size())};
      }
    } else if (kind == "MultiBinary") {
      space.type = SpaceType::kMultiBinary;
      const Json& n = description.contains("shape") ? description.at("shape") : description.at("n");
      space.shape =
          n.is_array() ? n.get<std::vector<int64_t>>() : std::vector<int64_t>{n.get<int64_t>()};
    } else if (kind == "Tuple") {
      space.type = SpaceType::kTuple;
      for (const auto& part : description.at("spaces")) space.spaces.push_back(from_json(part));
    } else if (kind == "Dict") {
      space.type = SpaceType::kDict;
      for (const auto& member : description.at("spaces").items()) {
        space.keys.push_back(member.key());
        space.spaces.push_back(from_json(member.value()));
      }
    } else {
      throw Error("unsupported_space", "the client does not know the space type '" + kind + "'");
    }
    return space;
  }

  /// The Gymnasium class name of the space ("Discrete", "Box", ...).
  std::string name() const {
    static const char* const kNames[] = {"Discrete",    "Box",   "MultiDiscrete",
                                         "MultiBinary", "Tuple", "Dict"};
    return kNames[static_cast<int>(type)];
  }

  /// Elements of a Box, MultiDiscrete or MultiBinary (the product of the shape); 1 for a Discrete.
  size_t element_count() const {
    if (type == SpaceType::kDiscrete) return 1;
    size_t count = 1;
    for (int64_t dimension : shape) count *= static_cast<size_t>(dimension);
    return count;
  }

  /// Bytes of one value in the binary layout.
  size_t byte_size() const {
    switch (type) {
      case SpaceType::kDiscrete:
        return 8;
      case SpaceType::kBox:
        return element_count() * layout::dtype_size(dtype);
      case SpaceType::kMultiDiscrete:
        return element_count() * 8;
      case SpaceType::kMultiBinary:
        return element_count();
      default: {
        size_t total = 0;
        for (const auto& part : spaces) total += part.byte_size();
        return total;
      }
    }
  }

  /// Appends a value (in its JSON form) to out in the binary layout.
  void write_value(const Json& value, std::string& out) const {
    switch (type) {
      case SpaceType::kDiscrete:
        layout::write_elements(value, "int64", out);
        return;
      case SpaceType::kBox:
        layout::write_elements(value, dtype, out);
        return;
      case SpaceType::kMultiDiscrete:
        layout::write_elements(value, "int64", out);
        return;
      case SpaceType::kMultiBinary:
        layout::write_elements(value, "int8", out);
        return;
      case SpaceType::kTuple:
        if (!value.is_array() || value.size() != spaces.size()) {
          throw Error("invalid_action", "a Tuple value must be a list of " +
                                            std::to_string(spaces.size()) +
                                            " parts: " + value.dump());
        }
        for (size_t i = 0; i < spaces.size(); ++i) spaces[i].write_value(value[i], out);
        return;
      case SpaceType::kDict:
        for (size_t i = 0; i < spaces.size(); ++i) {
          if (!value.is_object() || !value.contains(keys[i])) {
            throw Error("invalid_action", "a Dict value lacks the key '" + keys[i] + "'");
          }
          spaces[i].write_value(value.at(keys[i]), out);
        }
        return;
    }
  }

  /// Reads one value from the binary layout at data (which it advances), in its JSON form.
  Json read_value(const unsigned char*& data) const {
    switch (type) {
      case SpaceType::kDiscrete:
        return layout::read_elements(data, "int64", {});
      case SpaceType::kBox:
        return layout::read_elements(data, dtype, shape);
      case SpaceType::kMultiDiscrete:
        return layout::read_elements(data, "int64", shape);
      case SpaceType::kMultiBinary:
        return layout::read_elements(data, "int8", shape);
      case SpaceType::kTuple: {
        Json parts = Json::array();
        for (const auto& part : spaces) parts.push_back(part.read_value(data));
        return parts;
      }
      case SpaceType::kDict: {
        Json members = Json::object();
        for (size_t i = 0; i < spaces.size(); ++i) members[keys[i]] = spaces[i].read_value(data);
        return members;
      }
    }
    return nullptr;
  }

 private:
  static std::vector<int64_t> nested_shape(const Json& value) {
    std::vector<int64_t> shape;
    const Json* level = &value;
    while (level->is_array()) {
      shape.push_back(static_cast<int64_t>(level->size()));
      if (level->empty()) break;
      level = &level->front();
    }
    return shape;
  }
};

}  // namespace gymserver

#endif  // GYMSERVER_SPACE_HPP

// Raw little-endian element layouts of the binary encoding: numbers of one dtype, row-major.
#ifndef GYMSERVER_SPACE_LAYOUT_HPP
#define GYMSERVER_SPACE_LAYOUT_HPP

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "gymserver/json.hpp"

#if !defined(__BYTE_ORDER__) || __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error \
    "the GymServer binary encoding is little-endian; this client copies values as they lie in memory"
#endif

namespace gymserver {
namespace layout {

/// Bytes of one element of a dtype.
inline size_t dtype_size(const std::string& dtype) {
  if (dtype == "float64" || dtype == "int64" || dtype == "uint64") return 8;
  if (dtype == "float32" || dtype == "int32" || dtype == "uint32") return 4;
  if (dtype == "int16" || dtype == "uint16") return 2;
  if (dtype == "int8" || dtype == "uint8" || dtype == "bool") return 1;
  throw Error("unsupported_space", "the client has no binary layout for dtype '" + dtype + "'");
}

template <typename T>
void append(T value, std::string& out) {
  char bytes[sizeof(T)];
  std::memcpy(bytes, &value, sizeof(T));
  out.append(bytes, sizeof(T));
}

/// Appends one scalar as the dtype.
inline void write_scalar(const Json& value, const std::string& dtype, std::string& out) {
  if (dtype == "float32") return append(static_cast<float>(to_double(value)), out);
  if (dtype == "float64") return append(to_double(value), out);
  if (!value.is_number_integer() && !value.is_boolean()) {
    // An integer written as 1.0 is fine; anything else is not an element of an integer dtype.
    double number = to_double(value);
    if (number != static_cast<double>(static_cast<int64_t>(number))) {
      throw Error("invalid_action", "not an integer: " + value.dump());
    }
  }
  int64_t integer =
      value.is_number_integer() ? value.get<int64_t>() : static_cast<int64_t>(to_double(value));
  if (dtype == "int64") return append(integer, out);
  if (dtype == "uint64")
    return append(
        value.is_number_unsigned() ? value.get<uint64_t>() : static_cast<uint64_t>(integer), out);
  if (dtype == "int32") return append(static_cast<int32_t>(integer), out);
  if (dtype == "uint32") return append(static_cast<uint32_t>(integer), out);
  if (dtype == "int16") return append(static_cast<int16_t>(integer), out);
  if (dtype == "uint16") return append(static_cast<uint16_t>(integer), out);
  if (dtype == "int8") return append(static_cast<int8_t>(integer), out);
  if (dtype == "uint8" || dtype == "bool") return append(static_cast<uint8_t>(integer), out);
  dtype_size(dtype);  // throws for a dtype without a layout
}

/// Appends every scalar of a (nested) list, or a scalar, in row-major order.
inline void write_elements(const Json& value, const std::string& dtype, std::string& out) {
  if (value.is_array()) {
    for (const auto& element : value) write_elements(element, dtype, out);
  } else {
    write_scalar(value, dtype, out);
  }
}

template <typename T>
T take(const unsigned char*& data) {
  T value;
  std::memcpy(&value, data, sizeof(T));
  data += sizeof(T);
  return value;
}

/// Reads one scalar of the dtype.
inline Json read_scalar(const unsigned char*& data, const std::string& dtype) {
  if (dtype == "float32") return static_cast<double>(take<float>(data));
  if (dtype == "float64") return take<double>(data);
  if (dtype == "int64") return take<int64_t>(data);
  if (dtype == "uint64") return take<uint64_t>(data);
  if (dtype == "int32") return take<int32_t>(data);
  if (dtype == "uint32") return take<uint32_t>(data);
  if (dtype == "int16") return take<int16_t>(data);
  if (dtype == "uint16") return take<uint16_t>(data);
  if (dtype == "int8") return take<int8_t>(data);
  if (dtype == "uint8") return take<uint8_t>(data);
  if (dtype == "bool") return take<uint8_t>(data) != 0;
  dtype_size(dtype);
  return nullptr;
}

/// Reads a value of the shape (a scalar for an empty shape) as nested lists.
inline Json read_elements(const unsigned char*& data, const std::string& dtype,
                          const std::vector<int64_t>& shape, size_t dimension = 0) {
  if (dimension == shape.size()) return read_scalar(data, dtype);
  Json list = Json::array();
  for (int64_t i = 0; i < shape[dimension]; ++i) {
    list.push_back(read_elements(data, dtype, shape, dimension + 1));
  }
  return list;
}

}  // namespace layout
}  // namespace gymserver

#endif  // GYMSERVER_SPACE_LAYOUT_HPP

// Ill-formed UTF-8 (a hostile line, a damaged file) made safe for formats that must be UTF-8:
// each maximal ill-formed subpart (Unicode 15, 3.9) becomes one U+FFFD, as nlohmann_json's
// error_handler_t::replace does, so every export agrees on the replaced text.
#pragma once

#include <cstddef>
#include <string_view>

namespace etalase::exporting {

inline constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";

struct Utf8Sequence {
  std::size_t length;  // bytes taken: the whole sequence, or the ill-formed part to replace
  bool wellFormed;
};

// The sequence starting at text[i] (i < text.size()): RFC 3629, no overlong forms, no
// surrogates, nothing above U+10FFFF.
inline Utf8Sequence utf8SequenceAt(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) {
    return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0;
  };
  const unsigned char b0 = byte(0);
  if (b0 < 0x80) return {1, true};
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // the range the second byte must be in
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    length = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    length = 3;
    if (b0 == 0xE0) low = 0xA0;
    if (b0 == 0xED) high = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    length = 4;
    if (b0 == 0xF0) low = 0x90;
    if (b0 == 0xF4) high = 0x8F;
  } else {
    return {1, false};
  }
  if (byte(1) < low || byte(1) > high) return {1, false};
  for (std::size_t k = 2; k < length; ++k) {
    if ((byte(k) & 0xC0) != 0x80) return {k, false};
  }
  return {length, true};
}

}  // namespace etalase::exporting

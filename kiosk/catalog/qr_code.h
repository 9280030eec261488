// QR codes as a plain matrix of modules, for the screen to draw (no rendering here).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "media/error.h"

namespace etalase::kiosk {

// Longer texts make codes so dense that a phone struggles to read them off a screen across a
// stand; a contact link is well under this.
inline constexpr std::size_t kMaxQrTextBytes = 1000;

struct QrCode {
  int size = 0;                       // modules per side, without the quiet zone
  std::vector<std::uint8_t> modules;  // size * size, row by row; 1 = dark
  // Outside the matrix is the light quiet zone, so callers may draw a margin with the same call.
  bool dark(int x, int y) const;
};

// `text` as UTF-8 bytes in 8-bit mode (case kept), error correction level M. Fails on empty text,
// a NUL byte (the encoder would stop there), more than kMaxQrTextBytes, or an encoder failure.
Result<QrCode> encodeQr(const std::string& text);

}  // namespace etalase::kiosk

// QR encoding through libqrencode.
#include "qr_code.h"

#include <fmt/format.h>
#include <qrencode.h>

#include <cerrno>
#include <cstring>
#include <memory>

namespace etalase::kiosk {

namespace {

constexpr const char* kWhere = "QR code";

struct QrCodeFree {
  void operator()(QRcode* code) const { QRcode_free(code); }
};
using QrCodeHandle = std::unique_ptr<QRcode, QrCodeFree>;

}  // namespace

bool QrCode::dark(int x, int y) const {
  if (x < 0 || y < 0 || x >= size || y >= size) return false;
  return modules[static_cast<std::size_t>(y) * static_cast<std::size_t>(size) +
                 static_cast<std::size_t>(x)] != 0;
}

Result<QrCode> encodeQr(const std::string& text) {
  if (text.empty()) return Error{kWhere, "there is no text to encode"};
  if (text.find('\0') != std::string::npos) {
    return Error{kWhere, "the text contains a NUL byte"};
  }
  if (text.size() > kMaxQrTextBytes) {
    return Error{kWhere, fmt::format("the text is {} bytes; a code phones can read from a screen "
                                     "holds at most {}",
                                     text.size(), kMaxQrTextBytes)};
  }
  errno = 0;
  // Version 0: the smallest symbol that fits. 8-bit mode keeps case and UTF-8 bytes as they are.
  const QrCodeHandle encoded(QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M));
  if (!encoded) {
    const int error = errno;
    return Error{kWhere, fmt::format("the encoder failed: {}",
                                     error != 0 ? std::strerror(error) : "no reason given")};
  }
  QrCode code;
  code.size = encoded->width;
  const std::size_t count =
      static_cast<std::size_t>(code.size) * static_cast<std::size_t>(code.size);
  code.modules.resize(count);
  // libqrencode keeps other flags in the upper bits; bit 0 is the module's colour.
  for (std::size_t i = 0; i < count; ++i) code.modules[i] = encoded->data[i] & 1U;
  return code;
}

}  // namespace etalase::kiosk

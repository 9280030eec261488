// libzbar behind RAII.
#include "kiosk/scan/qr_reader.h"

#include <zbar.h>

#include <cstring>

namespace etalase::kiosk {

using namespace zbar;

namespace {
struct ImageFree {
  void operator()(zbar_image_t* image) const { zbar_image_destroy(image); }
};
}  // namespace

void QrReader::ScannerFree::operator()(zbar::zbar_image_scanner_s* scanner) const { zbar_image_scanner_destroy(scanner); }

QrReader::QrReader() : m_scanner(zbar_image_scanner_create()) {
  if (!m_scanner) return;
  // QR codes only: the other symbologies cost time on every picture and a badge has none of them.
  zbar_image_scanner_set_config(m_scanner.get(), ZBAR_NONE, ZBAR_CFG_ENABLE, 0);
  zbar_image_scanner_set_config(m_scanner.get(), ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
  zbar_image_scanner_set_config(m_scanner.get(), ZBAR_QRCODE, ZBAR_CFG_BINARY, 1);
}

QrReader::~QrReader() = default;

std::vector<std::string> QrReader::read(const media::GreyPicture& picture) {
  std::vector<std::string> codes;
  if (!m_scanner || !picture.pixels || picture.width <= 0 || picture.height <= 0 || picture.stride < picture.width) {
    return codes;
  }
  const auto width = static_cast<std::size_t>(picture.width);
  const auto height = static_cast<std::size_t>(picture.height);
  m_tight.resize(width * height);
  for (std::size_t y = 0; y < height; ++y) {
    std::memcpy(m_tight.data() + y * width, picture.pixels + y * static_cast<std::size_t>(picture.stride), width);
  }
  std::unique_ptr<zbar_image_t, ImageFree> image(zbar_image_create());
  if (!image) return codes;
  zbar_image_set_format(image.get(), zbar_fourcc('Y', '8', '0', '0'));
  zbar_image_set_size(image.get(), picture.width, picture.height);
  zbar_image_set_data(image.get(), m_tight.data(), m_tight.size(), nullptr);  // ours: zbar must not free it
  if (zbar_scan_image(m_scanner.get(), image.get()) <= 0) return codes;
  for (const zbar_symbol_t* symbol = zbar_image_first_symbol(image.get()); symbol; symbol = zbar_symbol_next(symbol)) {
    if (zbar_symbol_get_type(symbol) != ZBAR_QRCODE) continue;
    codes.emplace_back(zbar_symbol_get_data(symbol), zbar_symbol_get_data_length(symbol));
  }
  return codes;
}

}  // namespace etalase::kiosk

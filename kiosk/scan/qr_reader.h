// QR codes read off grey pictures with libzbar. One reader per thread (zbar's scanner keeps state).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "media/camera_source.h"

namespace zbar {  // zbar.h declares its C API in this namespace when included from C++
struct zbar_image_scanner_s;
}

namespace etalase::kiosk {

class QrReader {
 public:
  QrReader();
  ~QrReader();
  QrReader(const QrReader&) = delete;
  QrReader& operator=(const QrReader&) = delete;

  // The bytes of every QR code in `picture`, as encoded (no guessing of a character set: the
  // card parser decides what the text is), in the order zbar found them.
  std::vector<std::string> read(const media::GreyPicture& picture);

 private:
  struct ScannerFree {
    void operator()(zbar::zbar_image_scanner_s* scanner) const;
  };
  std::unique_ptr<zbar::zbar_image_scanner_s, ScannerFree> m_scanner;
  std::vector<unsigned char> m_tight;  // the picture without row padding, as zbar takes it
};

}  // namespace etalase::kiosk

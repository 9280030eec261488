// Contact links as QR codes.
#include "contact_code.h"

#include <utility>

#include "media/log.h"

namespace etalase::kiosk {

ContactCode contactCode(const Producer& producer, const std::string& greeting) {
  ContactCode code;
  code.link = contactLink(producer.contact, greeting);
  if (code.link) {
    auto qr = encodeQr(code.link->url);
    if (qr) {
      code.qr = std::move(qr.value());
    } else {
      log::warn("{}: no QR code for {}: {}", producer.id, code.link->url, qr.error().text());
    }
  }
  return code;
}

}  // namespace etalase::kiosk

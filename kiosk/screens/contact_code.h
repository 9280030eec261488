// A producer's contact as a product page and a producer page show it: the link a visitor's
// phone opens, and its QR code.
#pragma once

#include <optional>

#include "kiosk/catalog/catalog.h"
#include "kiosk/catalog/contact_link.h"
#include "kiosk/catalog/qr_code.h"

namespace etalase::kiosk {

struct ContactCode {
  std::optional<ContactLink> link;
  std::optional<QrCode> qr;  // none when the link could not be encoded (logged)

  const QrCode* qrCode() const { return qr ? &*qr : nullptr; }
};

// `greeting` is written into a WhatsApp chat's first message (empty: none).
ContactCode contactCode(const Producer& producer, const std::string& greeting = "");

}  // namespace etalase::kiosk

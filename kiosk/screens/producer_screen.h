// A producer's page: logo, region and story, the QR code to reach them, and their products.
#pragma once

#include <optional>
#include <string>

#include "kiosk/catalog/contact_link.h"
#include "kiosk/catalog/qr_code.h"
#include "screen_context.h"
#include "widgets.h"

namespace etalase::kiosk {

struct ProducerMedia {
  SDL_Texture* logo = nullptr;
  const QrCode* contactQr = nullptr;
  std::optional<ContactLink> contact;
};

struct ProducerAction {
  HeaderAction header;
  std::optional<std::size_t> product;  // index into catalog->products
  bool contact = false;                 // "Contact this producer"
};

ProducerAction drawProducer(const ScreenContext& context, const Producer& producer, const ProducerMedia& media);

}  // namespace etalase::kiosk

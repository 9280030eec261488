// A product's page: its video playing in place (or a photo), the facts a buyer asks first,
// certification badges, the story of its producer, and a QR code to reach the producer.
#pragma once

#include <SDL.h>

#include <optional>
#include <string>
#include <vector>

#include "kiosk/catalog/contact_link.h"
#include "kiosk/catalog/qr_code.h"
#include "screen_context.h"
#include "widgets.h"

namespace etalase::kiosk {

// What the app prepared for the product on screen.
struct ProductMedia {
  SDL_Texture* poster = nullptr;               // shown until the video's first frame
  std::vector<SDL_Texture*> photos;            // null where a photo could not be loaded
  bool hasVideo = false;
  bool videoShowing = false;                   // the app draws video frames over videoArea
  const QrCode* contactQr = nullptr;
  std::optional<ContactLink> contact;
};

struct ProductState {
  std::size_t product = 0;
  int media = 0;  // 0 = the video when there is one, then the photos
};

struct ProductAction {
  HeaderAction header;
  bool openProducer = false;
  bool contact = false;  // "Contact this producer": the contact form, this product ticked
  SDL_Rect videoArea{0, 0, 0, 0};  // where the video goes; empty when a photo is shown
};

ProductAction drawProduct(const ScreenContext& context, ProductState& state, const ProductMedia& media);

// The QR code with its caption ("Scan to chat on WhatsApp", the number), `side` pixels square.
void drawContactCard(const ScreenContext& context, const QrCode& qr, const ContactLink& link, float side);

}  // namespace etalase::kiosk

// The link a visitor's phone opens when scanning a producer's QR code, from the pack's contact.
#pragma once

#include <optional>
#include <string>

#include "kiosk/catalog/catalog.h"

namespace etalase::kiosk {

struct ContactLink {
  enum class Kind { WhatsApp, Website, Email };
  std::string url;
  Kind kind = Kind::WhatsApp;
  // Printed under the code: the number as the pack gives it (trimmed), the host, the address.
  std::string shown;
};

// WhatsApp if the number is usable, else the website (http or https only), else e-mail; nullopt
// if none is. Numbers: "+62 812-3456-7890", "0812 3456 7890" (a leading 0 is taken as Indonesia),
// "0062...", "62812..."; spaces, dashes, dots and parentheses are ignored; 8 to 15 digits.
// `greeting` is pre-filled in the WhatsApp message (left out when empty).
std::optional<ContactLink> contactLink(const Contact& contact, const std::string& greeting);

// RFC 3986 unreserved characters kept, every other byte (UTF-8 included) as %XX.
std::string urlEncode(const std::string& text);

}  // namespace etalase::kiosk

// A fair badge's QR code read into a contact: vCard 2.1/3.0/4.0 or MECARD text, from a camera or
// a USB scanner. Hostile input (huge, binary, truncated, nested) is refused or parsed as far as it
// goes; nothing throws. The values are as the card has them: field_validation makes them safe to keep.
#pragma once

#include "kiosk/leads/field_validation.h"
#include "media/error.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace etalase::kiosk {

struct ScannedCard {
  enum class Format { VCard, MeCard };
  Format format = Format::VCard;

  std::string name;        // FN, or put together from N when the card has no FN
  std::string givenName;   // N's second component (MECARD: after the comma)
  std::string familyName;  // N's first component
  std::string company;     // ORG's first component (the units after it are left out)
  std::string title;       // TITLE, or ROLE when there is no TITLE
  std::vector<std::string> emails;  // preferred first (PREF / TYPE=pref), then in card order
  std::vector<std::string> phones;  // the same; as written ("+62 812-3456-7890"), "tel:" removed
  std::string url;
  std::string address;      // ADR's parts on one line, comma separated
  std::string country;      // ADR's country part as written ("Indonesia")
  std::string countryCode;  // ISO alpha-2 when `country` names one (countryCodeForName), else empty
  std::string note;         // may hold line breaks

  bool truncated = false;          // the card stopped before END:VCARD / ";;": what was there is kept
  bool charsetConverted = false;   // the bytes were not UTF-8 and were read as a legacy charset
};

// At most this many emails and phones are kept; a card with thousands is cut short, not refused.
inline constexpr std::size_t kMaxCardValues = 8;
// Larger input is refused unread.
inline constexpr std::size_t kMaxCardBytes = 64 * 1024;

enum class CardProblem {
  Empty,             // nothing was read
  TooLarge,          // more than kMaxCardBytes
  NotACard,          // not vCard or MECARD text (a web address, a product code, binary data)
  NoContactDetails,  // a card, but without a name, company, email or phone in it
};

// The visitor-readable English text of a problem (also the Error's `what`); the UI translates by
// the problem, which cardProblemOf recovers from an Error parseCard returned.
std::string cardProblemText(CardProblem problem);
std::optional<CardProblem> cardProblemOf(const Error& error);

// The contact in a scanned code's text. Errors have where = "contact card" and a `what` a visitor
// can read ("This code is not a contact card").
Result<ScannedCard> parseCard(std::string_view text);

// The form filled in from a scanned card: name, company, country, the first (preferred) email and
// phone, and the card's note as the message, each only where the visitor has not typed something
// already. Checking is validateDraft's.
void fillFromCard(ContactDraft& draft, const ScannedCard& card);

}  // namespace etalase::kiosk

// What a visitor types into the contact form (or a scanned card fills in), made safe to keep: each
// field normalised (Unicode NFC, no control or hidden formatting characters, trimmed, one line where
// it must be), checked (length in characters, email syntax, phone number by libphonenumber) and
// either returned normalised or with a problem the UI shows in the visitor's language.
#pragma once

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <optional>
#include <string_view>
#include <vector>

namespace etalase::kiosk {

// Every field of the contact form, as the visitor fills it in: plain strings, not yet checked.
struct ContactDraft {
  std::string name;
  std::string company;
  std::string countryCode;  // ISO 3166-1 alpha-2 chosen from the country list; also the phone's default region
  std::string email;
  std::string phone;
  std::string buyerType;    // e.g. "importer", "distributor", "retailer"
  std::vector<std::string> productIds;  // the products the visitor asked about
  std::string orderVolume;  // free text: "2 containers a month"
  std::string preferredLanguage;  // BCP 47: "id", "zh-CN"
  std::string message;      // may hold line breaks
  bool consent = false;     // agreed to be contacted
};

enum class Field {
  Name,
  Company,
  Country,
  Email,
  Phone,
  BuyerType,
  Products,
  OrderVolume,
  PreferredLanguage,
  Message,
  Consent,
};

// A stable key for each field ("name", "email", ...): for storage and for the UI's own texts.
std::string fieldKey(Field field);
// The field with that key, if any (settings name fields by their keys).
std::optional<Field> fieldFromKey(std::string_view key);

enum class FieldProblem {
  None,
  Missing,              // required and empty
  EmailOrPhoneMissing,  // neither is given and the rules ask for one of them (set on both)
  TooLong,              // more characters than the field's limit
  TooMany,              // more products than kMaxProducts
  InvalidEmail,
  InvalidPhone,
  PhoneNeedsCountry,    // a national number ("0812...") with no country to read it in
  UnknownCountry,
  UnknownChoice,        // not one of the choices the form offers
  InvalidLanguage,
  ConsentMissing,       // consent is required and was not given
};

// English text for a problem, a visitor can read ("Please enter a valid email address.").
std::string fieldProblemText(FieldProblem problem);

// Limits in characters (Unicode code points), after normalising.
inline constexpr std::size_t kMaxNameChars = 100;
inline constexpr std::size_t kMaxCompanyChars = 120;
inline constexpr std::size_t kMaxEmailChars = 254;
inline constexpr std::size_t kMaxPhoneChars = 32;  // as typed, before normalising to E.164
inline constexpr std::size_t kMaxBuyerTypeChars = 60;
inline constexpr std::size_t kMaxOrderVolumeChars = 120;
inline constexpr std::size_t kMaxMessageChars = 1000;
inline constexpr std::size_t kMaxProductIdChars = 64;
inline constexpr std::size_t kMaxProducts = 50;
inline constexpr std::size_t kMaxLanguageTagChars = 35;

// The normalised value and, when it cannot be kept as it is, why. The value is returned even with a
// problem (normalised but not cut), so the form can show the visitor what to correct.
struct FieldCheck {
  std::string value;
  FieldProblem problem = FieldProblem::None;
  bool ok() const { return problem == FieldProblem::None; }
};

enum class TextKind { SingleLine, MultiLine };

// Text made safe to keep and show: invalid UTF-8 dropped; NFC; C0/C1 controls, bidirectional
// embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), marks (U+200E/F, U+061C) and the
// other invisible format characters removed (ZWJ U+200D and ZWNJ U+200C are kept between two
// visible characters: emoji sequences and Persian/Indic spelling need them; the tag characters
// only in an emoji flag sequence); more than 8 stacked combining marks cut to 8; all whitespace
// made plain spaces, runs collapsed and trimmed. MultiLine keeps line breaks (as "\n", at most one
// empty line in a row) and trims each line's end.
std::string normaliseText(std::string_view text, TextKind kind);

FieldCheck checkText(std::string_view text, std::size_t maxChars, TextKind kind = TextKind::SingleLine);
FieldCheck checkName(std::string_view text);
FieldCheck checkCompany(std::string_view text);
FieldCheck checkMessage(std::string_view text);
// Practical syntax, not RFC 5322's: one "@", a non-empty local part without spaces, a domain of at
// least two labels whose last is letters (an internationalised domain is allowed and checked with
// UTS #46). Full-width characters from an IME are made plain; the domain is lower-cased (and kept in
// Unicode); the local part is kept as typed.
FieldCheck checkEmail(std::string_view text);
// A phone number read by libphonenumber in `region` (ISO alpha-2; empty: the number must start
// with "+") and returned in E.164, "+6281234567890". A number libphonenumber's metadata calls
// possible but not valid is accepted (new number ranges appear faster than Debian updates the
// library). An extension is kept after E.164 as RFC 3966 writes it: "+62215551234;ext=12".
FieldCheck checkPhone(std::string_view text, std::string_view region);
// An ISO 3166-1 alpha-2 code the country list knows, upper-cased.
FieldCheck checkCountry(std::string_view code);
// A BCP 47 language tag ("id", "zh-CN", "pt-BR"), canonical case ("zh-CN").
FieldCheck checkLanguage(std::string_view tag);

// Which fields must be filled in: a setting of the stand (some organisers ask for the company).
struct FormRules {
  std::set<Field> required{Field::Name, Field::Consent};
  bool requireEmailOrPhone = true;  // at least one way to reach the visitor
  // Reads national phone numbers when the visitor chose no country: the stand's own country.
  std::string fallbackPhoneRegion;
  // When not empty, buyerType must be one of these (compared after normalising, case-insensitively).
  std::vector<std::string> buyerTypeChoices;
};

struct DraftCheck {
  ContactDraft normalised;                  // every field normalised (values with problems as well)
  std::map<Field, FieldProblem> problems;   // only the fields with a problem
  bool ok() const { return problems.empty(); }
};

// Every field of the draft checked against its kind and the rules: what the form's "Send" does.
DraftCheck validateDraft(const ContactDraft& draft, const FormRules& rules = {});

}  // namespace etalase::kiosk

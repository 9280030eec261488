// vCard (RFC 2426 for 3.0, RFC 6350 for 4.0, the versit 2.1 text for QUOTED-PRINTABLE and CHARSET)
// and MECARD (NTT docomo) read from a badge's QR code.
//
// The structure of both is ASCII, so lines and properties are found in the raw bytes and each value
// is decoded on its own: its CHARSET parameter if it has one, else UTF-8. Bytes that are not valid
// UTF-8 are repaired or converted, never refused: a value that is mostly valid UTF-8 with a few broken
// sequences (a damaged code) gets U+FFFD for those; a value with no valid multi-byte sequence at all
// is taken as Windows-1252 (Latin-1 with the usual extras, what old card writers produce) and
// converted with ICU. Input with NUL bytes or other binary control bytes is refused as not a card.
#include "kiosk/leads/card_parser.h"

#include "kiosk/locale/countries.h"
#include "kiosk/locale/unicode_text.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

namespace etalase::kiosk {

namespace {

const char* const kWhere = "contact card";

Error problem(CardProblem which) { return Error{kWhere, cardProblemText(which)}; }

char lowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lowerCased(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = lowerAscii(c);
  return out;
}

bool startsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (lowerAscii(text[i]) != lowerAscii(prefix[i])) return false;
  }
  return true;
}

bool equalsNoCase(std::string_view a, std::string_view b) { return a.size() == b.size() && startsWithNoCase(a, b); }

bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && isBlank(text.front())) text.remove_prefix(1);
  while (!text.empty() && isBlank(text.back())) text.remove_suffix(1);
  return text;
}

// Binary data, not text: NUL and the C0 controls no text file has. (Tab, line breaks, form feed and
// ESC, which some scanners send, are allowed.)
bool looksBinary(std::string_view bytes) {
  for (char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r' && byte != '\f' && byte != 0x1b) return true;
  }
  return false;
}

// See the comment at the top: repair mostly-UTF-8, read the rest as Windows-1252.
std::string decodeDefault(std::string_view bytes, bool& converted) {
  if (text::isValidUtf8(bytes)) return std::string(bytes);
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto length = static_cast<int32_t>(bytes.size());
  std::size_t multiByte = 0, invalid = 0;
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      ++invalid;
    } else if (i - start > 1) {
      ++multiByte;
    }
  }
  if (multiByte > 0 && multiByte >= invalid) return text::repairUtf8(bytes);
  if (auto latin = text::convertToUtf8(bytes, "windows-1252")) {
    converted = true;
    return *latin;
  }
  return text::repairUtf8(bytes);
}

std::string decodeBytes(std::string_view bytes, const std::string& charset, bool& converted) {
  if (!charset.empty() && !equalsNoCase(charset, "utf-8") && !equalsNoCase(charset, "utf8") &&
      !equalsNoCase(charset, "us-ascii")) {
    if (auto decoded = text::convertToUtf8(bytes, charset)) {
      converted = true;
      return *decoded;
    }
  }
  return decodeDefault(bytes, converted);
}

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = lowerAscii(c);
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// QUOTED-PRINTABLE (RFC 2045): "=C3=A9" is a byte; a "=" not followed by two hex digits stays.
std::string decodeQuotedPrintable(std::string_view value) {
  std::string out;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '=' && i + 2 < value.size()) {
      const int high = hexValue(value[i + 1]), low = hexValue(value[i + 2]);
      if (high >= 0 && low >= 0) {
        out += static_cast<char>(high * 16 + low);
        i += 2;
        continue;
      }
    }
    out += value[i];
  }
  return out;
}

// Control characters a value never means (line breaks come from escapes, kept as '\n').
std::string withoutControls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte == '\t') {
      out += ' ';
    } else if (byte >= 0x20 || byte == '\n') {
      if (byte != 0x7f) out += c;
    }
  }
  return out;
}

// vCard text escapes: \n \N line break, \\ \, \; \: the character; any other backslash stays.
std::string unescapeVCard(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '\\' && i + 1 < value.size()) {
      const char next = value[i + 1];
      if (next == 'n' || next == 'N') {
        out += '\n';
        ++i;
        continue;
      }
      if (next == '\\' || next == ',' || next == ';' || next == ':') {
        out += next;
        ++i;
        continue;
      }
    }
    out += value[i];
  }
  return out;
}

// Splits at `separator` where it is not escaped by a backslash; the parts keep their escapes.
std::vector<std::string_view> splitUnescaped(std::string_view value, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '\\') {
      ++i;  // the escaped character is never a separator
    } else if (value[i] == separator) {
      parts.push_back(value.substr(start, i - start));
      start = i + 1;
    }
  }
  parts.push_back(value.substr(start));
  return parts;
}

std::string joinNonEmpty(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const std::string& part : parts) {
    if (part.empty()) continue;
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

std::string trimmedString(std::string_view text) { return std::string(trimmed(text)); }

// Han, kana and hangul names are written family name first, without a space: 山田太郎.
bool isEastAsian(std::string_view utf8) {
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if ((c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF) ||
        (c >= 0x20000 && c <= 0x3FFFF))
      return true;
  }
  return false;
}

std::string fullName(const std::string& given, const std::string& middle, const std::string& family) {
  if (isEastAsian(given) || isEastAsian(family)) return family + middle + given;
  return joinNonEmpty({given, middle, family}, " ");
}

void addValue(std::vector<std::string>& values, std::string value, bool preferred) {
  if (value.empty() || values.size() >= kMaxCardValues) return;
  if (std::find(values.begin(), values.end(), value) != values.end()) return;
  if (preferred) {
    values.insert(values.begin(), std::move(value));
  } else {
    values.push_back(std::move(value));
  }
}

std::string withoutScheme(std::string value, std::string_view scheme) {
  if (startsWithNoCase(value, scheme)) value.erase(0, scheme.size());
  return trimmedString(value);
}

bool finish(ScannedCard& card) {
  card.name = trimmedString(card.name);
  if (card.name.empty()) card.name = fullName(card.givenName, "", card.familyName);
  if (!card.country.empty()) card.countryCode = countryCodeForName(card.country);
  return !card.name.empty() || !card.company.empty() || !card.emails.empty() || !card.phones.empty();
}

// --- vCard ---

struct Property {
  std::string name;  // upper case, without its group: "TEL" for "item1.TEL"
  std::vector<std::string> types;  // lower case: TYPE values and 2.1's bare parameters
  std::string charset;
  bool quotedPrintable = false;
  bool base64 = false;
  bool preferred = false;
  std::string_view value;  // raw bytes
};

bool isNameChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

void addParameter(Property& property, std::string_view parameter) {
  const auto equals = parameter.find('=');
  const std::string key = lowerCased(trimmed(parameter.substr(0, equals)));
  if (equals == std::string_view::npos) {  // 2.1: "TEL;WORK;PREF:", "NOTE;QUOTED-PRINTABLE:"
    if (key == "quoted-printable") property.quotedPrintable = true;
    else if (key == "base64") property.base64 = true;
    else if (key == "pref") property.preferred = true;
    else property.types.push_back(key);
    return;
  }
  std::string_view rest = parameter.substr(equals + 1);
  std::vector<std::string> values;
  std::string current;
  bool quoted = false;
  for (char c : rest) {
    if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      values.push_back(std::move(current));
      current.clear();
    } else {
      current += c;
    }
  }
  values.push_back(std::move(current));
  for (std::string& value : values) {
    value = lowerCased(trimmed(value));
    if (key == "type") {
      if (value == "pref") property.preferred = true;
      else if (!value.empty()) property.types.push_back(value);
    } else if (key == "pref") {
      property.preferred = true;  // 4.0: PREF=1 (any rank: one is enough to put it first)
    } else if (key == "encoding") {
      if (value == "quoted-printable") property.quotedPrintable = true;
      if (value == "b" || value == "base64") property.base64 = true;
    } else if (key == "charset") {
      property.charset = value;
    }
  }
}

// "item1.TEL;TYPE=work,voice;TYPE=\"cell\":+62 812" -> TEL, its parameters and its value; nothing for
// a line that is not a property (no ':' or a name with other characters).
std::optional<Property> parseProperty(std::string_view line) {
  Property property;
  std::size_t i = 0;
  while (i < line.size() && (isNameChar(line[i]) || line[i] == '.')) ++i;
  std::string_view name = line.substr(0, i);
  if (const auto dot = name.rfind('.'); dot != std::string_view::npos) name = name.substr(dot + 1);
  if (name.empty() || i == line.size() || (line[i] != ';' && line[i] != ':')) return std::nullopt;
  property.name = lowerCased(name);
  for (char& c : property.name) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  // Parameters up to the first ':' outside double quotes.
  bool quoted = false;
  std::size_t start = i + 1;
  if (line[i] == ';') {
    for (std::size_t j = i + 1;; ++j) {
      if (j == line.size()) return std::nullopt;
      const char c = line[j];
      if (c == '"') quoted = !quoted;
      if (!quoted && (c == ';' || c == ':')) {
        if (j > start) addParameter(property, line.substr(start, j - start));
        start = j + 1;
        if (c == ':') break;
      }
    }
  }
  property.value = line.substr(start);
  return property;
}

bool hasType(const Property& property, std::string_view type) {
  return std::find(property.types.begin(), property.types.end(), type) != property.types.end();
}

// Logical lines: CRLF, LF or CR end a line; a line starting with a space or tab continues the one
// before (RFC 6350 3.2); a QUOTED-PRINTABLE value ending in "=" continues on the next line (2.1).
std::vector<std::string> logicalLines(std::string_view text) {
  std::vector<std::string_view> raw;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' || text[i] == '\n') {
      raw.push_back(text.substr(start, i - start));
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      start = i + 1;
    }
  }
  if (start < text.size()) raw.push_back(text.substr(start));

  std::vector<std::string> lines;
  for (std::size_t i = 0; i < raw.size();) {
    std::string line(raw[i++]);
    for (;;) {
      // A soft line break first: the next line is the value's, even when it starts with a space.
      if (i < raw.size() && !line.empty() && line.back() == '=') {
        const auto colon = line.find(':');
        const std::string head = lowerCased(line.substr(0, colon == std::string::npos ? 0 : colon));
        if (head.find("quoted-printable") != std::string::npos) {
          line.pop_back();
          line.append(raw[i]);
          ++i;
          continue;
        }
      }
      if (i < raw.size() && !raw[i].empty() && (raw[i][0] == ' ' || raw[i][0] == '\t')) {
        line.append(raw[i].substr(1));
        ++i;
        continue;
      }
      break;
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

Result<ScannedCard> parseVCard(std::string_view text) {
  ScannedCard card;
  card.format = ScannedCard::Format::VCard;
  bool sawAddressPreferred = false, sawAddress = false;
  std::string role, middleName;
  int depth = 0;
  bool ended = false;
  for (const std::string& line : logicalLines(text)) {
    const std::string_view content = trimmed(line);
    if (content.empty()) continue;
    auto parsed = parseProperty(content);
    if (!parsed) continue;  // not a property line: skipped, the rest may still be good
    Property& property = *parsed;
    const std::string_view rawValue = trimmed(property.value);
    if (property.name == "BEGIN") {
      if (equalsNoCase(rawValue, "VCARD")) ++depth;
      continue;
    }
    if (property.name == "END") {
      if (equalsNoCase(rawValue, "VCARD") && --depth <= 0) {
        ended = true;
        break;  // a second card after the first is not read
      }
      continue;
    }
    if (depth != 1 || property.base64) continue;  // a nested card (2.1 AGENT) or a photo

    std::string bytes = property.quotedPrintable ? decodeQuotedPrintable(rawValue) : std::string(rawValue);
    const std::string value = decodeBytes(bytes, property.charset, card.charsetConverted);
    auto textOf = [](std::string_view escaped) { return trimmedString(withoutControls(unescapeVCard(escaped))); };
    auto components = [&](char separator) {
      std::vector<std::string> parts;
      for (std::string_view part : splitUnescaped(value, separator)) parts.push_back(textOf(part));
      return parts;
    };
    const bool preferred = property.preferred;
    if (property.name == "FN") {
      if (card.name.empty()) card.name = textOf(value);
    } else if (property.name == "N") {
      if (card.familyName.empty() && card.givenName.empty()) {
        std::vector<std::string> parts;
        // Each component may list several values separated by commas: they are one name.
        for (std::string_view part : splitUnescaped(value, ';')) {
          std::vector<std::string> names;
          for (std::string_view each : splitUnescaped(part, ',')) names.push_back(textOf(each));
          parts.push_back(joinNonEmpty(names, " "));
        }
        parts.resize(std::max<std::size_t>(parts.size(), 3));
        card.familyName = parts[0];
        card.givenName = parts[1];
        middleName = parts[2];
      }
    } else if (property.name == "ORG") {
      if (card.company.empty()) card.company = components(';').front();
    } else if (property.name == "TITLE") {
      if (card.title.empty()) card.title = textOf(value);
    } else if (property.name == "ROLE") {
      if (role.empty()) role = textOf(value);
    } else if (property.name == "EMAIL") {
      addValue(card.emails, withoutScheme(textOf(value), "mailto:"), preferred);
    } else if (property.name == "TEL") {
      if (hasType(property, "fax") && !hasType(property, "voice") && !hasType(property, "cell")) continue;
      addValue(card.phones, withoutScheme(textOf(value), "tel:"), preferred);
    } else if (property.name == "URL") {
      if (card.url.empty()) card.url = textOf(value);
    } else if (property.name == "ADR") {
      if (sawAddress && (sawAddressPreferred || !preferred)) continue;
      std::vector<std::string> parts = components(';');
      parts.resize(std::max<std::size_t>(parts.size(), 7));
      for (std::string& part : parts) std::replace(part.begin(), part.end(), '\n', ' ');
      // post office box, extended address, street, locality, region, postal code, country
      card.address = joinNonEmpty({parts[2], parts[1], parts[0], parts[3], parts[4], parts[5], parts[6]}, ", ");
      card.country = parts[6];
      sawAddress = !card.address.empty();
      sawAddressPreferred = sawAddress && preferred;
    } else if (property.name == "NOTE") {
      if (card.note.empty()) card.note = textOf(value);
    }
  }
  if (card.title.empty()) card.title = role;
  card.truncated = !ended;
  if (trimmed(card.name).empty()) card.name = fullName(card.givenName, middleName, card.familyName);
  if (!finish(card)) return problem(CardProblem::NoContactDetails);
  return card;
}

// --- MECARD ---

// MECARD escapes: a backslash before ; , : or \ makes it the character.
std::string unescapeMeCard(std::string_view value) {
  std::string out;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '\\' && i + 1 < value.size()) {
      out += value[++i];
    } else {
      out += value[i];
    }
  }
  return out;
}

Result<ScannedCard> parseMeCard(std::string_view text) {
  ScannedCard card;
  card.format = ScannedCard::Format::MeCard;
  text.remove_prefix(std::string_view("MECARD:").size());
  // The card ends at the first unescaped ";;" (an empty field); without one it was cut short.
  std::vector<std::string_view> fields = splitUnescaped(text, ';');
  bool ended = false;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (trimmed(fields[i]).empty() && i > 0 && i + 1 < fields.size()) {
      fields.resize(i);
      ended = true;
      break;
    }
  }
  if (!ended && !fields.empty() && trimmed(fields.back()).empty() && fields.size() >= 2) {
    fields.pop_back();  // "...;" at the very end: one ';' short of the terminator
  }
  for (std::string_view field : fields) {
    const std::string_view content = trimmed(field);
    const auto colon = content.find(':');
    if (colon == std::string_view::npos || colon == 0) continue;
    const std::string key = lowerCased(content.substr(0, colon));
    const std::string value = decodeBytes(content.substr(colon + 1), {}, card.charsetConverted);
    auto textOf = [](std::string_view escaped) { return trimmedString(withoutControls(unescapeMeCard(escaped))); };
    if (key == "n") {
      if (!card.familyName.empty() || !card.givenName.empty()) continue;
      const auto parts = splitUnescaped(value, ',');
      card.familyName = textOf(parts[0]);
      if (parts.size() > 1) card.givenName = textOf(parts[1]);
    } else if (key == "tel") {
      addValue(card.phones, textOf(value), false);
    } else if (key == "email") {
      addValue(card.emails, withoutScheme(textOf(value), "mailto:"), false);
    } else if (key == "org") {
      if (card.company.empty()) card.company = textOf(value);
    } else if (key == "title") {
      if (card.title.empty()) card.title = textOf(value);
    } else if (key == "url") {
      if (card.url.empty()) card.url = textOf(value);
    } else if (key == "adr") {
      if (!card.address.empty()) continue;
      card.address = textOf(value);
      // An address written "street, city, country": the last part may name the country.
      const auto lastComma = card.address.rfind(',');
      const std::string last = trimmedString(lastComma == std::string::npos ? "" : card.address.substr(lastComma + 1));
      if (!last.empty() && !countryCodeForName(last).empty()) card.country = last;
    } else if (key == "note") {
      if (card.note.empty()) card.note = textOf(value);
    }
  }
  card.truncated = !ended;
  if (!finish(card)) return problem(CardProblem::NoContactDetails);
  return card;
}

}  // namespace

std::string cardProblemText(CardProblem which) {
  switch (which) {
    case CardProblem::Empty:
      return "Nothing was read from this code. Please try again.";
    case CardProblem::TooLarge:
      return "This code holds too much to be a contact card.";
    case CardProblem::NotACard:
      return "This code is not a contact card.";
    case CardProblem::NoContactDetails:
      return "This contact card has no name, email or phone number in it.";
  }
  return "This code is not a contact card.";
}

std::optional<CardProblem> cardProblemOf(const Error& error) {
  for (CardProblem which :
       {CardProblem::Empty, CardProblem::TooLarge, CardProblem::NotACard, CardProblem::NoContactDetails}) {
    if (error.where == kWhere && error.what == cardProblemText(which)) return which;
  }
  return std::nullopt;
}

void fillFromCard(ContactDraft& draft, const ScannedCard& card) {
  auto fill = [](std::string& field, const std::string& value) {
    if (trimmed(field).empty() && !value.empty()) field = value;
  };
  fill(draft.name, card.name);
  fill(draft.company, card.company);
  fill(draft.countryCode, card.countryCode);
  if (!card.emails.empty()) fill(draft.email, card.emails.front());
  if (!card.phones.empty()) fill(draft.phone, card.phones.front());
  fill(draft.message, card.note);
}

Result<ScannedCard> parseCard(std::string_view text) {
  if (text.size() > kMaxCardBytes) return problem(CardProblem::TooLarge);
  // A UTF-8 byte order mark, which some generators write, is not part of the card.
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::string converted;
  bool fromUtf16 = false;
  if (text.size() >= 2 && (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF")) {
    auto utf8 = text::convertToUtf8(text, "UTF-16");  // ICU reads the byte order mark
    if (!utf8) return problem(CardProblem::NotACard);
    converted = std::move(*utf8);
    text = converted;
    fromUtf16 = true;
  }
  text = trimmed(text);
  if (text.empty()) return problem(CardProblem::Empty);
  if (looksBinary(text)) return problem(CardProblem::NotACard);
  Result<ScannedCard> card = startsWithNoCase(text, "BEGIN:VCARD") ? parseVCard(text)
                             : startsWithNoCase(text, "MECARD:")   ? parseMeCard(text)
                                                                   : Result<ScannedCard>(problem(CardProblem::NotACard));
  if (card && fromUtf16) card.value().charsetConverted = true;
  return card;
}

}  // namespace etalase::kiosk

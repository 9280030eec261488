// Contact links: pack texts are typed by producers, so every field is checked, never trusted.
#include "contact_link.h"

#include <algorithm>
#include <cstddef>
#include <string_view>

namespace etalase::kiosk {

namespace {

constexpr std::size_t kMinPhoneDigits = 8;   // shorter is a local number without an area code
constexpr std::size_t kMaxPhoneDigits = 15;  // E.164's limit
constexpr std::string_view kIndonesia = "62";

bool isAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool isAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isAsciiAlnum(char c) { return isAsciiDigit(c) || isAsciiAlpha(c); }
bool isNonAscii(char c) { return static_cast<unsigned char>(c) >= 0x80; }
char asciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

void appendPercentEncoded(std::string& out, char c) {
  constexpr const char* kHex = "0123456789ABCDEF";
  const auto byte = static_cast<unsigned char>(c);
  out += '%';
  out += kHex[byte >> 4];
  out += kHex[byte & 0xF];
}

std::string lowered(std::string_view text) {
  std::string result;
  for (char c : text) result += asciiLower(c);
  return result;
}

std::string trimmed(const std::string& text) {
  constexpr const char* kSpace = " \t\r\n\f\v";
  const std::size_t first = text.find_first_not_of(kSpace);
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

// The number's digits in international form (no '+'), or nullopt when it cannot be dialled.
std::optional<std::string> internationalDigits(const std::string& number) {
  std::string_view rest = number;
  const bool international = !rest.empty() && rest.front() == '+';
  if (international) rest.remove_prefix(1);
  std::string body(rest);
  // "+62 (0)812...": the trunk 0 in brackets is for dialling at home, not from abroad.
  if (international) {
    if (const std::size_t trunk = body.find("(0)"); trunk != std::string::npos)
      body.erase(trunk, 3);
  }
  std::string digits;
  for (char c : body) {
    if (isAsciiDigit(c)) {
      digits += c;
    } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
      return std::nullopt;  // letters, a second '+', "ext", slashes: not one phone number
    }
  }
  if (!international) {
    if (digits.starts_with("00")) {
      digits.erase(0, 2);  // the international call prefix
    } else if (digits.starts_with('0')) {
      digits =
          std::string(kIndonesia) + digits.substr(1);  // a domestic number from the pack's home
    }
  }
  if (digits.size() < kMinPhoneDigits || digits.size() > kMaxPhoneDigits) return std::nullopt;
  if (digits.front() == '0') return std::nullopt;  // no country code starts with 0
  return digits;
}

std::optional<ContactLink> whatsappLink(const std::string& number, const std::string& greeting) {
  const std::string shown = trimmed(number);
  const auto digits = internationalDigits(shown);
  if (!digits) return std::nullopt;
  std::string url = "https://wa.me/" + *digits;
  if (!greeting.empty()) url += "?text=" + urlEncode(greeting);
  return ContactLink{url, ContactLink::Kind::WhatsApp, shown};
}

// "example.com:8080/..." has a colon too; digits after it make it a port, not a scheme.
bool isPortAfterColon(std::string_view text, std::size_t colon) {
  std::size_t i = colon + 1;
  while (i < text.size() && isAsciiDigit(text[i])) ++i;
  return i > colon + 1 && (i == text.size() || text[i] == '/' || text[i] == '?' || text[i] == '#');
}

bool isValidHost(std::string_view host) {
  if (host.empty() || host.front() == '.' || host.back() == '.') return false;
  if (host.find("..") != std::string_view::npos) return false;
  // A name without a dot cannot be reached from a visitor's phone on the public internet.
  if (host.find('.') == std::string_view::npos) return false;
  for (char c : host) {
    if (!isAsciiAlnum(c) && c != '-' && c != '.' && !isNonAscii(c)) return false;
  }
  return true;
}

// Phones expect a URI: bytes outside ASCII and the characters RFC 3986 never allows are escaped.
std::string escapedPath(std::string_view path) {
  constexpr std::string_view kUnsafe = "\"<>\\^`{|}";
  std::string result;
  for (char c : path) {
    if (isNonAscii(c) || kUnsafe.find(c) != std::string_view::npos) {
      appendPercentEncoded(result, c);
    } else {
      result += c;
    }
  }
  return result;
}

std::optional<ContactLink> websiteLink(const std::string& website) {
  const std::string text = trimmed(website);
  if (text.empty()) return std::nullopt;
  for (char c : text) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) return std::nullopt;
  }
  std::string scheme = "https";
  std::string_view rest = text;
  if (rest.starts_with("//")) {
    rest.remove_prefix(2);
  } else if (const std::size_t colon = rest.find_first_of(":/?#");
             colon != std::string_view::npos && rest[colon] == ':' &&
             !isPortAfterColon(rest, colon)) {
    // Only the web: "javascript:", "file:", "intent:" and the like could do harm on a phone.
    scheme = lowered(rest.substr(0, colon));
    if (scheme != "http" && scheme != "https") return std::nullopt;
    rest.remove_prefix(colon + 1);
    if (!rest.starts_with("//")) return std::nullopt;
    rest.remove_prefix(2);
  }
  const std::size_t authorityEnd = std::min(rest.find_first_of("/?#"), rest.size());
  const std::string_view authority = rest.substr(0, authorityEnd);
  // "https://bank.example@evil.example" shows one host and opens another.
  if (authority.find('@') != std::string_view::npos) return std::nullopt;
  std::string_view host = authority;
  if (const std::size_t colon = authority.rfind(':'); colon != std::string_view::npos) {
    const std::string_view port = authority.substr(colon + 1);
    if (port.empty() || port.size() > 5) return std::nullopt;
    for (char c : port) {
      if (!isAsciiDigit(c)) return std::nullopt;
    }
    host = authority.substr(0, colon);
  }
  if (!isValidHost(host)) return std::nullopt;
  const std::string url =
      scheme + "://" + lowered(authority) + escapedPath(rest.substr(authorityEnd));
  return ContactLink{url, ContactLink::Kind::Website, lowered(host)};
}

bool isValidEmail(std::string_view address) {
  const std::size_t at = address.find('@');
  if (at == std::string_view::npos || at == 0) return false;
  const std::string_view local = address.substr(0, at);
  const std::string_view domain = address.substr(at + 1);
  // Plain characters only: '?', '&' or '#' would add headers or a body to the mailto: link.
  for (char c : local) {
    if (!isAsciiAlnum(c) && c != '.' && c != '_' && c != '-' && c != '+') return false;
  }
  if (domain.empty() || domain.front() == '.' || domain.back() == '.') return false;
  if (domain.find('.') == std::string_view::npos || domain.find("..") != std::string_view::npos) {
    return false;
  }
  for (char c : domain) {
    if (!isAsciiAlnum(c) && c != '.' && c != '-') return false;
  }
  return true;
}

std::optional<ContactLink> emailLink(const std::string& email) {
  const std::string address = trimmed(email);
  if (!isValidEmail(address)) return std::nullopt;
  return ContactLink{"mailto:" + address, ContactLink::Kind::Email, address};
}

}  // namespace

std::optional<ContactLink> contactLink(const Contact& contact, const std::string& greeting) {
  if (auto link = whatsappLink(contact.whatsapp, greeting)) return link;
  if (auto link = websiteLink(contact.website)) return link;
  return emailLink(contact.email);
}

std::string urlEncode(const std::string& text) {
  std::string result;
  result.reserve(text.size());
  for (char c : text) {
    if (isAsciiAlnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      result += c;
    } else {
      appendPercentEncoded(result, c);
    }
  }
  return result;
}

}  // namespace etalase::kiosk

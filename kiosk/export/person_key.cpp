#include "kiosk/export/person_key.h"

#include <algorithm>

namespace etalase::exporting {

namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'; }

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && isSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && isSpace(text.back())) text.remove_suffix(1);
  return text;
}

}  // namespace

std::string normalisedEmail(std::string_view email) {
  const std::string_view text = trimmed(email);
  const auto at = text.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == text.size()) return {};
  std::string key(text);
  // ASCII only: the domain is case-free by definition, and nearly every mailbox is in practice.
  std::transform(key.begin(), key.end(), key.begin(), [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return key;
}

std::string normalisedPhone(std::string_view phone) {
  const std::string_view text = trimmed(phone);
  if (text.empty() || text.front() != '+') return {};
  std::string key = "+";
  for (char c : text.substr(1)) {
    if (c >= '0' && c <= '9') {
      key += c;
    } else if (!(c == ' ' || c == '-' || c == '.' || c == '(' || c == ')')) {
      return {};
    }
  }
  const std::size_t digits = key.size() - 1;
  return digits >= 8 && digits <= 15 ? key : std::string();
}

}  // namespace etalase::exporting

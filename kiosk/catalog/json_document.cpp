// JSON documents whose every fault comes back as an Error with a position.
#include "json_document.h"

#include <fmt/format.h>

#include <algorithm>

namespace etalase::kiosk {

namespace {

using nlohmann::json;

// A SAX consumer that builds nothing and keeps the first error's position and text. Run only
// after a parse failed: json::parse reports some errors (a number out of range) by an
// exception that carries no position, while the SAX interface gives every error one.
struct ErrorLocator : nlohmann::json_sax<json> {
  std::size_t position = 0;
  std::string message;
  bool found = false;

  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t bytePosition, const std::string&, const json::exception& e) override {
    position = bytePosition;
    message = e.what();
    found = true;
    return false;
  }
};

// nlohmann's message without its "[json.exception.xxx.nnn] parse error at ...: " prefix.
std::string withoutLibraryPrefix(const std::string& message) {
  std::string text = message;
  if (text.rfind("[json.exception.", 0) == 0) {
    if (const auto close = text.find("] "); close != std::string::npos) text = text.substr(close + 2);
  }
  if (text.rfind("parse error", 0) == 0) {
    if (const auto colon = text.find(": "); colon != std::string::npos) text = text.substr(colon + 2);
  }
  return text;
}

}  // namespace

std::string printable(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const int length = byte < 0x80 ? 1 : (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xE ? 3 : (byte >> 3) == 0x1E ? 4 : 0;
    bool valid = length > 0 && i + length <= text.size();
    for (int k = 1; valid && k < length; ++k) valid = (static_cast<unsigned char>(text[i + k]) >> 6) == 0x2;
    if (valid && (length > 1 || byte >= 0x20 || byte == '\n')) {
      out.append(text, i, length);
      i += length;
    } else {
      out += '?';
      ++i;
    }
  }
  return out;
}

std::string lineAndColumn(const std::string& text, std::size_t offset) {
  offset = std::min(offset, text.size());
  std::size_t line = 1;
  std::size_t lineStart = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      lineStart = i + 1;
    }
  }
  std::size_t column = 1;
  for (std::size_t i = lineStart; i < offset; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;  // not a continuation byte
  }
  return fmt::format("line {}, column {}", line, column);
}

Result<json> parseJsonDocument(const std::string& text, const std::string& file) {
  return catchingJsonErrors(file, [&]() -> Result<json> {
    json document = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (!document.is_discarded()) return document;
    ErrorLocator locator;
    json::sax_parse(text, &locator);
    if (!locator.found) return Error{file, "not valid JSON"};
    // The position counts the bytes read, the offending one included.
    const std::size_t offset = locator.position > 0 ? locator.position - 1 : 0;
    return Error{file, printable(fmt::format("not valid JSON at {}: {}", lineAndColumn(text, offset),
                                             withoutLibraryPrefix(locator.message)))};
  });
}

}  // namespace etalase::kiosk

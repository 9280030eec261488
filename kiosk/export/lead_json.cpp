#include "kiosk/export/lead_json.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string_view>
#include <vector>

#include "kiosk/export/utf8_text.h"

namespace etalase::exporting {

namespace {

// One key of the object, in nlohmann_json's order (std::map: sorted by bytes).
struct Key {
  std::string_view name;
  std::string leads::Lead::*text = nullptr;  // null for consent_given and product_ids
};

std::vector<Key> sortedKeys() {
  std::vector<Key> keys;
  for (const auto& field : leads::kLeadTextFields) keys.push_back({field.column, field.member});
  keys.push_back({"consent_given"});
  keys.push_back({"product_ids"});
  std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) { return a.name < b.name; });
  return keys;
}

const std::vector<Key>& keys() {
  static const std::vector<Key> sorted = sortedKeys();
  return sorted;
}

// JSON string escaping as nlohmann_json dumps with ensure_ascii off: the short escapes, \u00xx
// (lower-case hex) for other control characters, UTF-8 otherwise kept as it is.
void appendString(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  std::size_t i = 0;
  while (i < text.size()) {
    // Copy runs of plain ASCII in one go: most of a lead is.
    std::size_t run = i;
    while (run < text.size()) {
      const auto c = static_cast<unsigned char>(text[run]);
      if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) break;
      ++run;
    }
    out.append(text.data() + i, run - i);
    i = run;
    if (i == text.size()) break;
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      const Utf8Sequence sequence = utf8SequenceAt(text, i);
      if (sequence.wellFormed) {
        out.append(text.data() + i, sequence.length);
      } else {
        out += kReplacementCharacter;
      }
      i += sequence.length;
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
    }
    ++i;
  }
  out += '"';
}

}  // namespace

void appendJsonString(std::string& out, std::string_view text) { appendString(out, text); }

void appendLeadJson(std::string& out, const leads::Lead& lead) {
  out += '{';
  bool first = true;
  for (const Key& key : keys()) {
    if (!first) out += ',';
    first = false;
    out += '"';
    out += key.name;
    out += "\":";
    if (key.text) {
      appendString(out, lead.*key.text);
    } else if (key.name == "consent_given") {
      out += lead.consentGiven ? "true" : "false";
    } else {
      out += '[';
      for (std::size_t p = 0; p < lead.productIds.size(); ++p) {
        if (p > 0) out += ',';
        appendString(out, lead.productIds[p]);
      }
      out += ']';
    }
  }
  out += '}';
}

}  // namespace etalase::exporting

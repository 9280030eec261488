// The .mo format (GNU gettext manual, "The Format of GNU MO Files"): a 28-byte header (magic
// 0x950412de in the writer's byte order, revision, string count N, offset of the originals table,
// offset of the translations table, hash table size and offset), then two tables of N (length,
// offset) pairs pointing at NUL-terminated strings. msgctxt precedes the msgid, separated by EOT
// (0x04); plural forms are NUL-separated within one string.
#include "kiosk/locale/mo_catalog.h"

#include "kiosk/locale/unicode_text.h"

#include <cstdint>
#include <fstream>
#include <iterator>

namespace etalase::kiosk {

namespace {

constexpr uint32_t kMagic = 0x950412de;
constexpr uint32_t kMagicSwapped = 0xde120495;
constexpr std::uintmax_t kMaxFileBytes = 32u * 1024 * 1024;

class Reader {
 public:
  Reader(std::string_view bytes, bool swapped) : m_bytes(bytes), m_swapped(swapped) {}

  std::optional<uint32_t> word(std::size_t offset) const {
    if (offset > m_bytes.size() || m_bytes.size() - offset < 4) return std::nullopt;
    uint32_t value = 0;
    for (int i = 0; i < 4; ++i) {
      const auto byte = static_cast<uint8_t>(m_bytes[offset + static_cast<std::size_t>(i)]);
      // Little-endian unless the magic said otherwise.
      const int shift = m_swapped ? 8 * (3 - i) : 8 * i;
      value |= static_cast<uint32_t>(byte) << shift;
    }
    return value;
  }

  // The string of table entry `index` in the table at `table`; nothing when it lies outside.
  std::optional<std::string_view> string(uint32_t table, uint32_t index) const {
    const std::size_t entry = static_cast<std::size_t>(table) + static_cast<std::size_t>(index) * 8;
    const auto length = word(entry);
    const auto offset = word(entry + 4);
    if (!length || !offset) return std::nullopt;
    if (*offset > m_bytes.size() || m_bytes.size() - *offset < *length) return std::nullopt;
    return m_bytes.substr(*offset, *length);
  }

 private:
  std::string_view m_bytes;
  bool m_swapped;
};

std::string charsetOf(std::string_view header) {
  const std::string_view key = "charset=";
  const auto at = header.find(key);
  if (at == std::string_view::npos) return "UTF-8";
  std::string charset;
  for (std::size_t i = at + key.size(); i < header.size(); ++i) {
    const char c = header[i];
    if (c == '\n' || c == ' ' || c == ';' || c == '\r') break;
    charset += c;
  }
  return charset.empty() ? "UTF-8" : charset;
}

bool isUtf8Name(const std::string& charset) {
  std::string lower;
  for (char c : charset) {
    if (c != '-' && c != '_') lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return lower == "utf8";
}

}  // namespace

std::optional<MoCatalog> parseMoCatalog(std::string_view bytes) {
  if (bytes.size() < 28) return std::nullopt;
  const auto magic = Reader(bytes, false).word(0);
  if (!magic || (*magic != kMagic && *magic != kMagicSwapped)) return std::nullopt;
  const Reader reader(bytes, *magic == kMagicSwapped);
  const auto revision = reader.word(4);
  const auto count = reader.word(8);
  const auto originals = reader.word(12);
  const auto translations = reader.word(16);
  if (!revision || !count || !originals || !translations) return std::nullopt;
  if ((*revision >> 16) > 1) return std::nullopt;  // a major revision this reader does not know
  // Both tables must fit: N entries of 8 bytes each (checked before reading any entry).
  const std::size_t tableBytes = static_cast<std::size_t>(*count) * 8;
  if (*originals > bytes.size() || bytes.size() - *originals < tableBytes) return std::nullopt;
  if (*translations > bytes.size() || bytes.size() - *translations < tableBytes) return std::nullopt;

  std::string charset = "UTF-8";
  MoCatalog catalog;
  catalog.reserve(*count);
  for (uint32_t i = 0; i < *count; ++i) {
    auto original = reader.string(*originals, i);
    auto translation = reader.string(*translations, i);
    if (!original || !translation) return std::nullopt;
    if (original->empty()) {  // the header: "Content-Type: text/plain; charset=UTF-8" and the like
      charset = charsetOf(*translation);
      continue;
    }
    // Singular forms only; a context ("ctxt\x04msgid") is kept out of the key's way.
    std::string_view id = original->substr(0, original->find('\0'));
    if (const auto eot = id.find('\x04'); eot != std::string_view::npos) continue;
    std::string_view text = translation->substr(0, translation->find('\0'));
    if (id.empty() || text.empty()) continue;
    catalog.emplace(std::string(id), std::string(text));
  }

  if (isUtf8Name(charset)) {
    for (auto it = catalog.begin(); it != catalog.end();) {
      // A broken entry is dropped (the English name shows instead), not shown as mojibake.
      if (!text::isValidUtf8(it->first) || !text::isValidUtf8(it->second)) {
        it = catalog.erase(it);
      } else {
        ++it;
      }
    }
    return catalog;
  }
  MoCatalog converted;
  for (const auto& [id, translation] : catalog) {
    auto key = text::convertToUtf8(id, charset);
    auto value = text::convertToUtf8(translation, charset);
    if (!key || !value) return std::nullopt;  // a charset ICU does not know
    converted.emplace(std::move(*key), std::move(*value));
  }
  return converted;
}

std::optional<std::string> readSmallFile(const std::filesystem::path& path, std::uintmax_t maxBytes) {
  std::error_code error;
  const auto size = std::filesystem::file_size(path, error);
  if (error || size > maxBytes) return std::nullopt;
  std::ifstream file(path, std::ios::binary);
  if (!file) return std::nullopt;
  std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  if (file.bad()) return std::nullopt;
  return bytes;
}

std::optional<MoCatalog> readMoCatalog(const std::filesystem::path& path) {
  auto bytes = readSmallFile(path, kMaxFileBytes);
  if (!bytes) return std::nullopt;
  return parseMoCatalog(*bytes);
}

}  // namespace etalase::kiosk

// GNU gettext .mo catalogs read directly (no locale needs to be generated on the kiosk), e.g.
// iso-codes' /usr/share/locale/id/LC_MESSAGES/iso_3166-1.mo.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace etalase::kiosk {

// msgid -> translation, both UTF-8. Entries with a context or plural forms keep their singular msgid
// and first translation; empty translations and the header are left out.
using MoCatalog = std::unordered_map<std::string, std::string>;

// The catalog in these bytes, either byte order; nothing when they are not a .mo file. Offsets and
// lengths are checked against the size, so a truncated or hostile file is refused, never read past.
// A catalog in another charset than UTF-8 (its header says which) is converted.
std::optional<MoCatalog> parseMoCatalog(std::string_view bytes);

// A whole file's bytes; nothing when it is missing, unreadable or larger than maxBytes.
std::optional<std::string> readSmallFile(const std::filesystem::path& path, std::uintmax_t maxBytes);

// The catalog in a file; nothing when it is missing, unreadable, larger than 32 MiB or not a .mo file.
std::optional<MoCatalog> readMoCatalog(const std::filesystem::path& path);

}  // namespace etalase::kiosk

// UTF-8 helpers shared by the locale data and the lead library (ICU underneath, no UI).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace etalase::kiosk::text {

bool isValidUtf8(std::string_view bytes);

// Code points in valid UTF-8 (what "100 characters" means for a field); an invalid byte counts as one.
std::size_t codePointCount(std::string_view utf8);

// Appends one code point as UTF-8 (a surrogate or a value past U+10FFFF becomes U+FFFD).
void appendUtf8(std::string& out, char32_t codePoint);

// Bytes in a named charset ("ISO-8859-1", "windows-1252", "Shift_JIS", "GB18030", "UTF-8"...) as
// UTF-8; bytes the charset cannot map become U+FFFD. Nothing when ICU does not know the charset.
std::optional<std::string> convertToUtf8(std::string_view bytes, const std::string& charset);

// UTF-8 with every invalid sequence replaced by U+FFFD.
std::string repairUtf8(std::string_view bytes);

// For matching what people type against names: case folded, accents and other marks removed
// (Latin letters reduced to ASCII: "Åland" -> "aland", "Straße" -> "strasse"; Arabic vowel marks
// dropped), apostrophes dropped and other punctuation and spaces made single spaces, trimmed.
// Scripts without case (Han, Arabic) otherwise stay as they are.
std::string foldForSearch(std::string_view utf8);

}  // namespace etalase::kiosk::text

// UTF-8 helpers over ICU.
#include "kiosk/locale/unicode_text.h"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <mutex>

namespace etalase::kiosk::text {

bool isValidUtf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto length = static_cast<int32_t>(bytes.size());
  if (bytes.size() > static_cast<std::size_t>(INT32_MAX)) return false;
  int32_t i = 0;
  while (i < length) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

std::size_t codePointCount(std::string_view utf8) {
  std::size_t count = 0;
  for (char byte : utf8) {
    // Every byte that is not a continuation byte starts a code point (or is an invalid one).
    if ((static_cast<unsigned char>(byte) & 0xC0) != 0x80) ++count;
  }
  return count;
}

void appendUtf8(std::string& out, char32_t codePoint) {
  if (codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) codePoint = 0xFFFD;
  char buffer[4];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buffer), length, 4, static_cast<UChar32>(codePoint), error);
  if (!error) out.append(buffer, static_cast<std::size_t>(length));
}

std::optional<std::string> convertToUtf8(std::string_view bytes, const std::string& charset) {
  if (bytes.size() > static_cast<std::size_t>(INT32_MAX / 2)) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> converter(ucnv_open(charset.c_str(), &status), ucnv_close);
  if (U_FAILURE(status) || !converter) return std::nullopt;
  // Unmappable bytes become U+FFFD (the default substitution callback), never an error.
  icu::UnicodeString unicode(bytes.data(), static_cast<int32_t>(bytes.size()), converter.get(), status);
  if (U_FAILURE(status) || unicode.isBogus()) return std::nullopt;
  std::string out;
  unicode.toUTF8String(out);
  return out;
}

std::string repairUtf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto length = static_cast<int32_t>(std::min<std::size_t>(bytes.size(), INT32_MAX));
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      appendUtf8(out, 0xFFFD);
    } else {
      out.append(bytes.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
    }
  }
  return out;
}

namespace {

// One transliterator for the process: ICU's are not safe to share between threads unguarded.
std::mutex g_foldMutex;
std::unique_ptr<icu::Transliterator> g_stripMarks;
bool g_stripMarksTried = false;

bool isApostrophe(UChar32 c) {
  return c == '\'' || c == '`' || c == 0x2018 || c == 0x2019 || c == 0x02BC || c == 0x00B4;
}

}  // namespace

std::string foldForSearch(std::string_view utf8) {
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(std::min<std::size_t>(utf8.size(), INT32_MAX))));
  {
    std::lock_guard lock(g_foldMutex);
    if (!g_stripMarksTried) {
      g_stripMarksTried = true;
      UErrorCode status = U_ZERO_ERROR;
      g_stripMarks.reset(icu::Transliterator::createInstance(
          "NFD; [:Nonspacing Mark:] Remove; NFC; Latin-ASCII", UTRANS_FORWARD, status));
      if (U_FAILURE(status)) g_stripMarks.reset();
    }
    // Without ICU's transliteration data, folding case alone still finds most names.
    if (g_stripMarks) g_stripMarks->transliterate(unicode);
  }
  unicode.foldCase();
  std::string out;
  bool pendingSpace = false;
  for (int32_t i = 0; i < unicode.length();) {
    const UChar32 c = unicode.char32At(i);
    i += U16_LENGTH(c);
    if (isApostrophe(c)) continue;
    const int8_t type = u_charType(c);
    const bool separator = u_isUWhiteSpace(c) || u_ispunct(c) || type == U_CONTROL_CHAR;
    if (separator) {
      pendingSpace = !out.empty();
      continue;
    }
    if (type == U_FORMAT_CHAR) continue;
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    appendUtf8(out, static_cast<char32_t>(c));
  }
  return out;
}

}  // namespace etalase::kiosk::text

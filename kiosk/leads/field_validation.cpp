// Contact form fields: ICU for Unicode (normalisation, character properties, IDNA), libphonenumber
// for phone numbers.
#include "kiosk/leads/field_validation.h"

#include "kiosk/locale/countries.h"
#include "kiosk/locale/unicode_text.h"

#include <phonenumbers/logger.h>
#include <phonenumbers/phonenumberutil.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uidna.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <mutex>

namespace etalase::kiosk {

namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

constexpr int kMaxCombiningMarks = 8;

icu::UnicodeString fromUtf8(std::string_view text) {
  return icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(std::min<std::size_t>(text.size(), INT32_MAX))));
}

std::string toUtf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

bool isLineBreak(UChar32 c) { return c == '\n' || c == '\r' || c == 0x0085 || c == 0x2028 || c == 0x2029; }

bool isTag(UChar32 c) { return c >= 0xE0020 && c <= 0xE007F; }

// Characters that render as nothing at all and so can hide or disguise text, beyond the format
// characters (Cf): the Hangul fillers used to make "blank" names.
bool isInvisibleFiller(UChar32 c) { return c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0; }

bool isNoncharacter(UChar32 c) { return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE; }

// Shown as something (not space, control or a format character).
bool isVisible(UChar32 c) {
  if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || u_isUWhiteSpace(c) || c == 0xFFFD) return false;
  return u_charType(c) != U_FORMAT_CHAR && !isInvisibleFiller(c);
}

// Pass 1: line breaks made '\n', other whitespace ' ', controls and hidden formatting dropped.
icu::UnicodeString filtered(const icu::UnicodeString& in) {
  icu::UnicodeString out;
  UChar32 last = 0;  // the last code point kept, 0 at the start
  const int32_t length = in.length();
  for (int32_t i = 0; i < length;) {
    const UChar32 c = in.char32At(i);
    const int32_t next = i + U16_LENGTH(c);
    auto keep = [&](UChar32 kept) {
      out.append(kept);
      last = kept;
    };
    if (c == '\r' && next < length && in.charAt(next) == '\n') {
      i = next;  // CRLF: the LF makes the break
      continue;
    }
    if (isLineBreak(c)) {
      keep('\n');
    } else if (c == '\t' || c == '\v' || c == '\f' || (u_isUWhiteSpace(c) && c >= 0x20)) {
      keep(' ');
    } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0xFFFD || isNoncharacter(c) || isInvisibleFiller(c)) {
      // C0/C1 controls, DEL, the replacement character of invalid input, noncharacters: dropped.
    } else if (c == 0x1F3F4 && next < length && isTag(in.char32At(next))) {
      // An emoji flag of a subdivision (England, Scotland, Wales): WAVING BLACK FLAG, tag letters,
      // CANCEL TAG. Kept whole when complete; otherwise the tags go (they can smuggle hidden text).
      int32_t j = next;
      int tags = 0;
      while (j < length && isTag(in.char32At(j)) && in.char32At(j) != 0xE007F && tags < 8) {
        j += U16_LENGTH(in.char32At(j));
        ++tags;
      }
      keep(c);
      if (j < length && in.char32At(j) == 0xE007F && tags > 0) {
        out.append(in, next, j + 2 - next);  // U+E007F takes two UTF-16 units
        last = 0xE007F;
        i = j + 2;
        continue;
      }
    } else if (c == 0x200C || c == 0x200D) {
      // ZWNJ and ZWJ join or part the characters either side (Persian and Indic spelling, emoji
      // sequences such as 👩‍💻): kept between two visible characters, dropped anywhere else.
      const bool before = last != 0 && isVisible(last);
      const bool after = next < length && isVisible(in.char32At(next));
      if (before && after) keep(c);
    } else if (u_charType(c) == U_FORMAT_CHAR) {
      // Every other format character: bidirectional embeddings, overrides and isolates
      // (U+202A-U+202E, U+2066-U+2069), LRM/RLM/ALM, soft hyphen, zero-width space, word joiner,
      // BOM, invisible operators, interlinear annotations, stray tag characters. Dropped.
    } else {
      keep(c);
    }
    i = next;
  }
  return out;
}

// NFC or NFKC by ICU; the text as it was if ICU's data cannot be had.
icu::UnicodeString normalised(const icu::UnicodeString& text,
                              const icu::Normalizer2* (*instance)(UErrorCode&)) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = instance(status);
  if (U_FAILURE(status) || !normalizer) return text;
  icu::UnicodeString out = normalizer->normalize(text, status);
  return U_FAILURE(status) ? text : out;
}

icu::UnicodeString nfc(const icu::UnicodeString& text) { return normalised(text, icu::Normalizer2::getNFCInstance); }
icu::UnicodeString nfkc(const icu::UnicodeString& text) { return normalised(text, icu::Normalizer2::getNFKCInstance); }

// Pass 2, after NFC: spaces collapsed, lines trimmed, stacked combining marks cut.
std::string laidOut(const icu::UnicodeString& text, TextKind kind) {
  icu::UnicodeString out;
  bool pendingSpace = false;
  int pendingBreaks = 0;
  int marks = 0;
  for (int32_t i = 0; i < text.length();) {
    UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    if (c == '\n' && kind == TextKind::SingleLine) c = ' ';
    if (c == '\n') {
      pendingSpace = false;  // a line's trailing spaces go
      if (!out.isEmpty()) ++pendingBreaks;
      marks = 0;
      continue;
    }
    if (c == ' ') {
      // Spaces at the start and the end of a line go; runs of them become one.
      if (!out.isEmpty() && pendingBreaks == 0) pendingSpace = true;
      continue;
    }
    const int8_t type = u_charType(c);
    if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK) {
      if (++marks > kMaxCombiningMarks) continue;
    } else {
      marks = 0;
    }
    if (pendingBreaks > 0) {
      out.append(UChar32('\n'));
      if (pendingBreaks > 1) out.append(UChar32('\n'));  // at most one empty line in a row
    } else if (pendingSpace) {
      out.append(UChar32(' '));
    }
    pendingBreaks = 0;
    pendingSpace = false;
    out.append(c);
  }
  return toUtf8(out);
}

FieldCheck withLimit(std::string value, std::size_t maxChars) {
  FieldCheck check{std::move(value)};
  if (text::codePointCount(check.value) > maxChars) check.problem = FieldProblem::TooLong;
  return check;
}

char upperAscii(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }
char lowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool isAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isAsciiAlnum(char c) { return isAsciiAlpha(c) || (c >= '0' && c <= '9'); }

// The domain checked by UTS #46 (IDNA2008 with the usual mappings); the ASCII form for the label
// rules, the Unicode form (lower-cased by the mapping) to keep.
bool checkDomain(const std::string& domain, std::string& unicodeForm) {
  UErrorCode status = U_ZERO_ERROR;
  const uint32_t options = UIDNA_USE_STD3_RULES | UIDNA_CHECK_BIDI | UIDNA_CHECK_CONTEXTJ |
                           UIDNA_NONTRANSITIONAL_TO_ASCII | UIDNA_NONTRANSITIONAL_TO_UNICODE;
  std::unique_ptr<UIDNA, void (*)(UIDNA*)> idna(uidna_openUTS46(options, &status), uidna_close);
  if (U_FAILURE(status) || !idna) return false;
  char ascii[256];
  UIDNAInfo info = UIDNA_INFO_INITIALIZER;
  const int32_t asciiLength = uidna_nameToASCII_UTF8(idna.get(), domain.data(), static_cast<int32_t>(domain.size()),
                                                     ascii, sizeof ascii, &info, &status);
  if (U_FAILURE(status) || info.errors != 0 || asciiLength <= 0 || asciiLength > 253) return false;
  const std::string asciiDomain(ascii, static_cast<std::size_t>(asciiLength));
  // At least two labels, each 1-63 characters of letters, digits and inner hyphens (STD3 already
  // refused other characters); the top-level one letters, or an internationalised "xn--" one.
  std::vector<std::string> labels(1);
  for (char c : asciiDomain) {
    if (c == '.') {
      labels.emplace_back();
    } else {
      labels.back() += c;
    }
  }
  if (labels.size() < 2) return false;
  for (const std::string& label : labels) {
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
    if (!std::all_of(label.begin(), label.end(), [](char c) { return isAsciiAlnum(c) || c == '-'; })) return false;
  }
  const std::string& top = labels.back();
  const bool punycode = top.size() > 4 && top.compare(0, 4, "xn--") == 0;
  if (top.size() < 2 || (!punycode && !std::all_of(top.begin(), top.end(), isAsciiAlpha))) return false;

  status = U_ZERO_ERROR;
  info = UIDNA_INFO_INITIALIZER;
  char unicode[1024];
  const int32_t unicodeLength = uidna_nameToUnicodeUTF8(idna.get(), ascii, asciiLength, unicode, sizeof unicode,
                                                        &info, &status);
  if (U_FAILURE(status) || info.errors != 0 || unicodeLength <= 0) return false;
  unicodeForm.assign(unicode, static_cast<std::size_t>(unicodeLength));
  return true;
}

const PhoneNumberUtil& phoneNumbers() {
  static std::once_flag once;
  std::call_once(once, [] {
    // Never let the library log what visitors type.
    PhoneNumberUtil::GetInstance()->SetLogger(new i18n::phonenumbers::NullLogger());
  });
  return *PhoneNumberUtil::GetInstance();
}

std::string lowerCased(std::string text) {
  for (char& c : text) c = lowerAscii(c);
  return text;
}

}  // namespace

std::string fieldKey(Field field) {
  switch (field) {
    case Field::Name: return "name";
    case Field::Company: return "company";
    case Field::Country: return "country";
    case Field::Email: return "email";
    case Field::Phone: return "phone";
    case Field::BuyerType: return "buyer_type";
    case Field::Products: return "products";
    case Field::OrderVolume: return "order_volume";
    case Field::PreferredLanguage: return "preferred_language";
    case Field::Message: return "message";
    case Field::Consent: return "consent";
  }
  return "field";
}

std::optional<Field> fieldFromKey(std::string_view key) {
  for (int i = 0; i <= static_cast<int>(Field::Consent); ++i) {
    if (fieldKey(static_cast<Field>(i)) == key) return static_cast<Field>(i);
  }
  return std::nullopt;
}

std::string fieldProblemText(FieldProblem problem) {
  switch (problem) {
    case FieldProblem::None: return "";
    case FieldProblem::Missing: return "Please fill this in.";
    case FieldProblem::EmailOrPhoneMissing:
      return "Please give an email address or a phone number, so that we can reach you.";
    case FieldProblem::TooLong: return "This is too long. Please shorten it.";
    case FieldProblem::TooMany: return "Too many products are chosen. Please choose fewer.";
    case FieldProblem::InvalidEmail: return "Please enter a valid email address, like name@example.com.";
    case FieldProblem::InvalidPhone: return "Please enter a valid phone number.";
    case FieldProblem::PhoneNeedsCountry:
      return "Please choose your country, or start the number with + and the country code.";
    case FieldProblem::UnknownCountry: return "Please choose a country from the list.";
    case FieldProblem::UnknownChoice: return "Please choose one of the options.";
    case FieldProblem::InvalidLanguage: return "Please choose a language from the list.";
    case FieldProblem::ConsentMissing: return "Please agree to be contacted, so that we can send you the details.";
  }
  return "";
}

std::string normaliseText(std::string_view text, TextKind kind) {
  return laidOut(nfc(filtered(fromUtf8(text))), kind);
}

FieldCheck checkText(std::string_view text, std::size_t maxChars, TextKind kind) {
  return withLimit(normaliseText(text, kind), maxChars);
}

FieldCheck checkName(std::string_view text) { return checkText(text, kMaxNameChars); }
FieldCheck checkCompany(std::string_view text) { return checkText(text, kMaxCompanyChars); }
FieldCheck checkMessage(std::string_view text) { return checkText(text, kMaxMessageChars, TextKind::MultiLine); }

FieldCheck checkEmail(std::string_view text) {
  // Full-width letters and "＠" from a Chinese or Japanese input method become plain ones.
  const std::string typed = normaliseText(toUtf8(nfkc(fromUtf8(normaliseText(text, TextKind::SingleLine)))),
                                          TextKind::SingleLine);
  FieldCheck check{typed};
  if (typed.empty()) return check;
  if (text::codePointCount(typed) > kMaxEmailChars) {
    check.problem = FieldProblem::TooLong;
    return check;
  }
  check.problem = FieldProblem::InvalidEmail;
  const auto at = typed.find('@');
  if (at == std::string::npos || typed.find('@', at + 1) != std::string::npos) return check;
  const std::string local = typed.substr(0, at);
  const std::string domain = typed.substr(at + 1);
  if (local.empty() || local.size() > 64 || local.front() == '.' || local.back() == '.' ||
      local.find("..") != std::string::npos)
    return check;
  for (char c : local) {
    // Spaces and the characters that need RFC 5322 quoting; non-ASCII (RFC 6531) is allowed.
    if (c == ' ' || std::string_view("\"(),:;<>[\\]").find(c) != std::string_view::npos) return check;
  }
  std::string unicodeDomain;
  if (domain.empty() || !checkDomain(domain, unicodeDomain)) return check;
  check.value = local + "@" + unicodeDomain;
  check.problem = FieldProblem::None;
  return check;
}

FieldCheck checkPhone(std::string_view text, std::string_view region) {
  FieldCheck check{normaliseText(text, TextKind::SingleLine)};
  if (check.value.empty()) return check;
  if (text::codePointCount(check.value) > kMaxPhoneChars) {
    check.problem = FieldProblem::TooLong;
    return check;
  }
  std::string regionCode;
  for (char c : region) regionCode += upperAscii(c);
  if (regionCode.size() != 2) regionCode = "ZZ";  // unknown: only "+<country code> ..." can be read
  const PhoneNumberUtil& util = phoneNumbers();
  PhoneNumber number;
  const auto error = util.Parse(check.value, regionCode, &number);
  if (error != PhoneNumberUtil::NO_PARSING_ERROR) {
    const bool international = check.value.find('+') != std::string::npos;
    check.problem = error == PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR && regionCode == "ZZ" && !international
                        ? FieldProblem::PhoneNeedsCountry
                        : FieldProblem::InvalidPhone;
    return check;
  }
  if (!util.IsValidNumber(number) && !util.IsPossibleNumber(number)) {
    check.problem = FieldProblem::InvalidPhone;
    return check;
  }
  std::string e164;
  util.Format(number, PhoneNumberUtil::E164, &e164);
  if (number.has_extension() && !number.extension().empty()) e164 += ";ext=" + number.extension();
  check.value = e164;
  return check;
}

FieldCheck checkCountry(std::string_view code) {
  FieldCheck check{normaliseText(code, TextKind::SingleLine)};
  if (check.value.empty()) return check;
  for (char& c : check.value) c = upperAscii(c);
  if (!isCountryCode(check.value)) check.problem = FieldProblem::UnknownCountry;
  return check;
}

FieldCheck checkLanguage(std::string_view tag) {
  FieldCheck check{normaliseText(tag, TextKind::SingleLine)};
  if (check.value.empty()) return check;
  check.problem = FieldProblem::InvalidLanguage;
  if (check.value.size() > kMaxLanguageTagChars) return check;
  // language[-script][-region][-variant...]: letters and digits in parts of 1-8, '-' or '_' between.
  std::vector<std::string> parts(1);
  for (char c : check.value) {
    if (c == '-' || c == '_') {
      parts.emplace_back();
    } else if (isAsciiAlnum(c)) {
      parts.back() += c;
    } else {
      return check;
    }
  }
  std::string& primary = parts[0];
  if (primary.size() < 2 || primary.size() > 3 || !std::all_of(primary.begin(), primary.end(), isAsciiAlpha)) {
    return check;
  }
  std::string canonical = lowerCased(primary);
  for (std::size_t i = 1; i < parts.size(); ++i) {
    std::string part = lowerCased(parts[i]);
    if (part.empty() || part.size() > 8) return check;
    if (i == 1 && part.size() == 4 && std::all_of(part.begin(), part.end(), isAsciiAlpha)) {
      part[0] = upperAscii(part[0]);  // script: "Hant"
    } else if (part.size() == 2 && std::all_of(part.begin(), part.end(), isAsciiAlpha)) {
      for (char& c : part) c = upperAscii(c);  // region: "CN"
    }
    canonical += "-" + part;
  }
  // ICU knows the language ("xx" or "qqq" are no language anyone reads).
  const icu::Locale locale(lowerCased(primary).c_str());
  if (locale.isBogus() || std::string(locale.getISO3Language()).empty()) return check;
  check.value = canonical;
  check.problem = FieldProblem::None;
  return check;
}

DraftCheck validateDraft(const ContactDraft& draft, const FormRules& rules) {
  DraftCheck result;
  ContactDraft& out = result.normalised;
  auto note = [&](Field field, const FieldCheck& check) {
    if (!check.ok()) result.problems[field] = check.problem;
    return check.value;
  };
  out.name = note(Field::Name, checkName(draft.name));
  out.company = note(Field::Company, checkCompany(draft.company));
  const FieldCheck country = checkCountry(draft.countryCode);
  out.countryCode = note(Field::Country, country);
  out.email = note(Field::Email, checkEmail(draft.email));
  const std::string region = country.ok() && !country.value.empty() ? country.value : rules.fallbackPhoneRegion;
  out.phone = note(Field::Phone, checkPhone(draft.phone, region));

  FieldCheck buyerType = checkText(draft.buyerType, kMaxBuyerTypeChars);
  if (buyerType.ok() && !buyerType.value.empty() && !rules.buyerTypeChoices.empty()) {
    buyerType.problem = FieldProblem::UnknownChoice;
    const icu::UnicodeString typed = fromUtf8(buyerType.value);
    for (const std::string& choice : rules.buyerTypeChoices) {
      if (typed.caseCompare(fromUtf8(normaliseText(choice, TextKind::SingleLine)), U_FOLD_CASE_DEFAULT) == 0) {
        buyerType.value = choice;  // the form's own spelling
        buyerType.problem = FieldProblem::None;
        break;
      }
    }
  }
  out.buyerType = note(Field::BuyerType, buyerType);

  for (const std::string& id : draft.productIds) {
    std::string normalised = normaliseText(id, TextKind::SingleLine);
    if (normalised.empty() || std::find(out.productIds.begin(), out.productIds.end(), normalised) != out.productIds.end())
      continue;
    if (text::codePointCount(normalised) > kMaxProductIdChars) result.problems[Field::Products] = FieldProblem::TooLong;
    out.productIds.push_back(std::move(normalised));
  }
  if (out.productIds.size() > kMaxProducts) result.problems[Field::Products] = FieldProblem::TooMany;

  out.orderVolume = note(Field::OrderVolume, checkText(draft.orderVolume, kMaxOrderVolumeChars));
  out.preferredLanguage = note(Field::PreferredLanguage, checkLanguage(draft.preferredLanguage));
  out.message = note(Field::Message, checkMessage(draft.message));
  out.consent = draft.consent;

  auto isEmpty = [&](Field field) {
    switch (field) {
      case Field::Name: return out.name.empty();
      case Field::Company: return out.company.empty();
      case Field::Country: return out.countryCode.empty();
      case Field::Email: return out.email.empty();
      case Field::Phone: return out.phone.empty();
      case Field::BuyerType: return out.buyerType.empty();
      case Field::Products: return out.productIds.empty();
      case Field::OrderVolume: return out.orderVolume.empty();
      case Field::PreferredLanguage: return out.preferredLanguage.empty();
      case Field::Message: return out.message.empty();
      case Field::Consent: return !out.consent;
    }
    return false;
  };
  for (Field field : rules.required) {
    if (!isEmpty(field) || result.problems.count(field)) continue;
    result.problems[field] = field == Field::Consent ? FieldProblem::ConsentMissing : FieldProblem::Missing;
  }
  if (rules.requireEmailOrPhone && out.email.empty() && out.phone.empty()) {
    result.problems.try_emplace(Field::Email, FieldProblem::EmailOrPhoneMissing);
    result.problems.try_emplace(Field::Phone, FieldProblem::EmailOrPhoneMissing);
  }
  return result;
}

}  // namespace etalase::kiosk

// On-screen keyboard logic and layouts.
#include "keyboard_model.h"

#include "kiosk/leads/wipe.h"

#include <string.h>  // explicit_bzero: a wipe the optimiser may not drop

#include <algorithm>
#include <array>
#include <map>
#include <utility>

namespace etalase::kiosk {

namespace {

// ---- UTF-8, just what the buffer needs ------------------------------------------------------

bool isContinuation(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) == 0x80; }

std::size_t codePointCount(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char b) { return !isContinuation(b); }));
}

// The bytes of the first `codePoints` code points.
std::size_t prefixBytes(std::string_view text, std::size_t codePoints) {
  std::size_t end = 0, count = 0;
  for (; end < text.size(); ++end) {
    if (!isContinuation(text[end]) && count++ == codePoints) break;
  }
  return end;
}

// Where the code point that ends at `end` starts.
std::size_t startBefore(std::string_view text, std::size_t end) {
  std::size_t i = end - 1;
  while (i > 0 && isContinuation(text[i])) --i;
  return i;
}

char32_t decodeAt(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(k < text.size() ? text[k] : 0); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return lead;
  const int extra = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : 1;
  char32_t c = lead & (0x3F >> extra);
  for (int k = 1; k <= extra; ++k) c = (c << 6) | (byte(i + static_cast<std::size_t>(k)) & 0x3F);
  return c;
}

std::string encode(char32_t c) {
  std::string out;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (c >> 12));  // the keyboard's letters are all below U+10000
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

std::vector<std::string> splitCodePoints(std::string_view text) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!isContinuation(text[i]) || out.empty()) out.emplace_back();
    out.back() += text[i];
  }
  return out;
}

// Upper case for the letters the layouts hold (ASCII, Latin-1, Latin Extended-A, ơ ư).
char32_t upper(char32_t c) {
  const bool evenUpperPairs = (c >= 0x0100 && c <= 0x0137) || (c >= 0x014A && c <= 0x0177);
  const bool oddUpperPairs = (c >= 0x0139 && c <= 0x0148) || (c >= 0x0179 && c <= 0x017E);
  if ((c >= 'a' && c <= 'z') || (c >= 0xE0 && c <= 0xFE && c != 0xF7)) return c - 0x20;
  if (c == 0xFF) return 0x0178;                    // ÿ
  if (c == 0x0131) return 'I';                     // dotless ı
  if (c == 0x01A1 || c == 0x01B0) return c - 1;    // ơ ư
  if (evenUpperPairs && c % 2 == 1) return c - 1;
  if (oddUpperPairs && c % 2 == 0) return c - 1;
  return c;  // ß has no upper case in the fonts' ranges: it stays
}

std::string upper(std::string_view text) {
  std::string out;
  for (const std::string& c : splitCodePoints(text)) out += encode(upper(decodeAt(c, 0)));
  return out;
}

// Code points that belong to the one before them: combining marks, variation selectors, skin
// tones, emoji tags, and the zero-width joiner.
bool isExtender(char32_t c) {
  constexpr std::array<std::pair<char32_t, char32_t>, 9> kRanges{{{0x0300, 0x036F},
                                                                  {0x1AB0, 0x1AFF},
                                                                  {0x1DC0, 0x1DFF},
                                                                  {0x200D, 0x200D},
                                                                  {0x20D0, 0x20FF},
                                                                  {0xFE00, 0xFE0F},
                                                                  {0xFE20, 0xFE2F},
                                                                  {0x1F3FB, 0x1F3FF},
                                                                  {0xE0020, 0xE01EF}}};
  return std::any_of(kRanges.begin(), kRanges.end(), [c](const auto& r) { return c >= r.first && c <= r.second; });
}

bool isRegionalIndicator(char32_t c) { return c >= 0x1F1E6 && c <= 0x1F1FF; }

using leads::wipe;

// ---- Layouts ----------------------------------------------------------------------------------

Key textKey(std::string text, float width = 1.0f) { return Key{text, text, text, "", width}; }

Key special(KeyKind kind, std::string_view id, std::string label, float width, Layout target = Layout::Letters) {
  return Key{std::string(id), std::move(label), kind == KeyKind::Space ? " " : "", "", width, kind, target};
}

// One key per code point: letters get their upper case, anything else types itself.
KeyRow keysOf(std::string_view chars, float width = 1.0f) {
  KeyRow row;
  for (std::string& c : splitCodePoints(chars)) {
    Key key = textKey(c, width);
    if (std::string up = upper(c); up != c) key.shifted = std::move(up);
    row.push_back(std::move(key));
  }
  return row;
}

KeyRow join(std::initializer_list<KeyRow> parts) {
  KeyRow row;
  for (const KeyRow& part : parts) row.insert(row.end(), part.begin(), part.end());
  return row;
}

Key shiftKey() { return special(KeyKind::Shift, keys::kShift, "Shift", 1.5f); }
Key backspaceKey(float width = 1.5f) { return special(KeyKind::Backspace, keys::kBackspace, "Delete", width); }
Key enterKey(float width) { return special(KeyKind::Enter, keys::kEnter, "Enter", width); }
Key hideKey(float width = 1.0f) { return special(KeyKind::Hide, keys::kHide, "Hide", width); }
Key lettersKey() { return special(KeyKind::Page, keys::kLetters, "ABC", 1.5f, Layout::Letters); }
Key symbolsKey() { return special(KeyKind::Page, keys::kSymbols, "?123", 1.5f, Layout::Symbols); }

// The row under every text page: 1.5 + 1 + 1 + 3.5 + 1 + 2 + 1 = 11 units.
KeyRow bottomRow(Key pageKey) {
  return {std::move(pageKey),
          special(KeyKind::Page, keys::kAccents, "àé", 1.0f, Layout::Accents),
          textKey(","),
          special(KeyKind::Space, keys::kSpace, "space", 3.5f),
          textKey("."),
          enterKey(2.0f),
          hideKey()};
}

std::vector<KeyRow> buildLayout(Layout layout) {
  switch (layout) {
    case Layout::Letters:
      return {keysOf("qwertyuiop"), keysOf("asdfghjkl"),
              join({{shiftKey()}, keysOf("zxcvbnm"), {backspaceKey()}}), bottomRow(symbolsKey())};
    case Layout::Symbols:
      return {keysOf("1234567890"), keysOf("@#$%&-+()/"),
              join({{special(KeyKind::Page, keys::kMoreSymbols, "=\\<", 1.5f, Layout::MoreSymbols)},
                    keysOf("*\"':;!?"), {backspaceKey()}}),
              bottomRow(lettersKey())};
    case Layout::MoreSymbols:
      return {keysOf("~`|^={}[]\\"), keysOf("€£¥¢©®°<>_"), join({{symbolsKey()}, keysOf("¡¿«»§±·"), {backspaceKey()}}),
              bottomRow(lettersKey())};
    case Layout::Accents:  // the most used of the long-press accents, in four rows
      return {keysOf("àáâäãåæçèéê"), keysOf("ëìíîïñòóôöõ"), join({{shiftKey()}, keysOf("øœùúûüßş"), {backspaceKey()}}),
              join({{lettersKey()}, keysOf("šğýÿđăơư"), {hideKey(1.5f)}})};
    case Layout::Email:  // digits and the address pieces on top of the letters; no space
      return {join({keysOf("1234567890"), {backspaceKey(1.0f)}}), join({keysOf("qwertyuiop"), {textKey("-")}}),
              join({keysOf("asdfghjkl"), {textKey("_")}}),
              join({{shiftKey()}, keysOf("zxcvbnm"), {textKey("."), textKey("@", 1.5f)}}),
              {symbolsKey(), textKey(".com", 1.5f), textKey(".co.id", 1.5f), textKey(".com.my", 2.0f), textKey(".cn"),
               enterKey(2.0f), hideKey(1.5f)}};
    case Layout::Phone:  // a keypad: wide keys, nothing a phone number does not need
      return {join({keysOf("123+", 2.0f), {backspaceKey(2.0f)}}),
              join({keysOf("456-", 2.0f), {special(KeyKind::Space, keys::kSpace, "space", 2.0f)}}),
              keysOf("789()", 2.0f), {hideKey(2.0f), textKey("0", 2.0f), enterKey(6.0f)}};
  }
  return {};
}

// Long press on a letter offers these (Vietnamese only where Latin Extended-A reaches).
const std::map<std::string, std::vector<std::string>, std::less<>>& accentTable() {
  static const auto table = [] {
    const std::pair<const char*, const char*> lists[] = {
        {"a", "àáâäãåæă"}, {"c", "çćč"},   {"d", "đ"},        {"e", "èéêëēęě"}, {"g", "ğ"},
        {"i", "ìíîïı"},    {"l", "ł"},     {"n", "ñń"},       {"o", "òóôöõøœơ"}, {"s", "ßşšś"},
        {"u", "ùúûüư"},    {"y", "ýÿ"},    {"z", "žźż"}};
    std::map<std::string, std::vector<std::string>, std::less<>> built;
    for (const auto& [base, accents] : lists) built.emplace(base, splitCodePoints(accents));
    return built;
  }();
  return table;
}

}  // namespace

KeyboardModel::KeyboardModel(Layout layout, std::size_t maxLength)
    : m_maxLength(maxLength), m_base(layout), m_layout(layout) {
  reserveFor(maxLength);
  setLayout(layout);
}

KeyboardModel::~KeyboardModel() { wipe(m_text); }

void KeyboardModel::setLayout(Layout layout) {
  const bool page = layout == Layout::Symbols || layout == Layout::MoreSymbols || layout == Layout::Accents;
  m_base = page ? Layout::Letters : layout;
  m_layout = layout;
  m_shift = ShiftState::Off;
  m_choices.clear();
  autoCapitalize();
}

void KeyboardModel::setMaxLength(std::size_t codePoints) {
  m_maxLength = codePoints;
  reserveFor(codePoints);
  const std::size_t end = prefixBytes(m_text, codePoints);
  explicit_bzero(m_text.data() + end, m_text.size() - end);
  m_text.resize(end);
}

void KeyboardModel::setCapitalizeWords(bool on) {
  m_capitalizeWords = on;
  autoCapitalize();
}

// The buffer never grows while typing: each byte it ever held is in the one block clear() wipes.
void KeyboardModel::reserveFor(std::size_t codePoints) {
  const std::size_t bytes = codePoints * 4;  // UTF-8's longest code point
  if (m_text.capacity() >= bytes) return;
  std::string bigger;
  bigger.reserve(bytes);
  bigger.append(m_text);
  wipe(m_text);
  std::swap(m_text, bigger);  // `bigger` frees the old, wiped block
}

std::size_t KeyboardModel::length() const { return codePointCount(m_text); }

void KeyboardModel::setText(std::string_view text) {
  wipe(m_text);
  m_text.append(text.substr(0, prefixBytes(text, m_maxLength)));  // cut first: no reallocation
  m_choices.clear();
  autoCapitalize();
}

void KeyboardModel::clear() {
  wipe(m_text);
  m_choices.clear();
  autoCapitalize();
}

const Key* KeyboardModel::find(std::string_view keyId) const {
  for (const KeyRow& row : rows()) {
    for (const Key& key : row) {
      if (key.id == keyId) return &key;
    }
  }
  return nullptr;
}

KeyboardAction KeyboardModel::press(std::string_view keyId, Clock::time_point now) {
  m_choices.clear();
  const Key* key = find(keyId);
  if (!key) return KeyboardAction::None;
  switch (key->kind) {
    case KeyKind::Text: {
      const bool hasCase = !key->shifted.empty();
      const KeyboardAction action = type(shifted() && hasCase ? key->shifted : key->output, hasCase);
      if (action == KeyboardAction::TextChanged && m_layout == Layout::Accents) m_layout = m_base;  // one-shot page
      return action;
    }
    case KeyKind::Space:
      return type(key->output, false);
    case KeyKind::Shift:
      if (m_shift == ShiftState::Off) {
        m_shift = ShiftState::Once;
      } else {
        const bool doubleTap = m_shift == ShiftState::Once && now - m_lastShiftTap <= kDoubleTap;
        m_shift = doubleTap ? ShiftState::Locked : ShiftState::Off;
      }
      m_lastShiftTap = now;
      return KeyboardAction::None;
    case KeyKind::Backspace:
      if (m_text.empty()) return KeyboardAction::None;
      eraseLast();
      autoCapitalize();
      return KeyboardAction::TextChanged;
    case KeyKind::Page:
      m_layout = key->target == Layout::Letters ? m_base : key->target;
      return KeyboardAction::None;
    case KeyKind::Enter:
      return m_enter == EnterKey::Next ? KeyboardAction::NextField : KeyboardAction::Done;
    case KeyKind::Hide:
      return KeyboardAction::Hide;
  }
  return KeyboardAction::None;
}

const std::vector<std::string>& KeyboardModel::longPress(std::string_view keyId) {
  m_choices.clear();
  const Key* key = find(keyId);
  if (!key || key->kind != KeyKind::Text) return m_choices;
  for (const std::string& accent : accentsOf(keyId)) m_choices.push_back(shifted() ? upper(accent) : accent);
  return m_choices;
}

KeyboardAction KeyboardModel::choose(std::string_view accent) {
  if (std::find(m_choices.begin(), m_choices.end(), accent) == m_choices.end()) return KeyboardAction::None;
  const std::string chosen(accent);  // `accent` may point into m_choices
  m_choices.clear();
  return type(chosen, true);
}

KeyboardAction KeyboardModel::type(std::string_view text, bool consumesShift) {
  if (length() + codePointCount(text) > m_maxLength) return KeyboardAction::Full;
  m_text.append(text);
  if (consumesShift && m_shift == ShiftState::Once) m_shift = ShiftState::Off;
  autoCapitalize();
  return KeyboardAction::TextChanged;
}

// Removes the last character as a reader sees it: a letter with its combining marks, an emoji
// with its skin tone or ZWJ partners, a flag's two regional indicators.
void KeyboardModel::eraseLast() {
  std::size_t end = m_text.size();
  const auto pop = [&] {
    end = startBefore(m_text, end);
    return decodeAt(m_text, end);
  };
  const auto popCluster = [&] {
    char32_t c = pop();
    while (isExtender(c) && end > 0) c = pop();
    return c;
  };
  const char32_t last = popCluster();
  if (isRegionalIndicator(last)) {
    std::size_t before = 0;
    for (std::size_t i = end; i > 0 && isRegionalIndicator(decodeAt(m_text, startBefore(m_text, i)));
         i = startBefore(m_text, i)) {
      ++before;
    }
    if (before % 2 == 1) pop();  // the other half of this flag
  }
  while (end > 0 && decodeAt(m_text, startBefore(m_text, end)) == 0x200D) {
    pop();
    if (end > 0) popCluster();
  }
  explicit_bzero(m_text.data() + end, m_text.size() - end);
  m_text.resize(end);
}

void KeyboardModel::autoCapitalize() {
  if (!m_capitalizeWords || m_base != Layout::Letters || m_shift == ShiftState::Locked) return;
  if (m_text.empty() || m_text.back() == ' ') m_shift = ShiftState::Once;
}

const std::string& KeyboardModel::labelOf(const Key& key) const {
  static const std::string kNext = "Next", kDone = "Done";
  if (key.kind == KeyKind::Enter) return m_enter == EnterKey::Next ? kNext : kDone;
  return shifted() && !key.shifted.empty() ? key.shifted : key.label;
}

const std::vector<KeyRow>& KeyboardModel::rowsOf(Layout layout) {
  static const auto layouts = [] {
    std::array<std::vector<KeyRow>, 6> built;
    for (Layout l : {Layout::Letters, Layout::Symbols, Layout::MoreSymbols, Layout::Accents, Layout::Email,
                     Layout::Phone}) {
      built[static_cast<std::size_t>(l)] = buildLayout(l);
    }
    return built;
  }();
  return layouts[static_cast<std::size_t>(layout)];
}

float KeyboardModel::rowUnits(const KeyRow& row) {
  float units = 0.0f;
  for (const Key& key : row) units += key.width;
  return units;
}

const std::vector<std::string>& KeyboardModel::accentsOf(std::string_view keyId) {
  static const std::vector<std::string> kNone;
  const auto& table = accentTable();
  const auto found = table.find(keyId);
  return found == table.end() ? kNone : found->second;
}

}  // namespace etalase::kiosk

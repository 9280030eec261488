// Scanner or person: see scan_detector.h.
#include "kiosk/leads/scan_detector.h"

#include "kiosk/locale/unicode_text.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <vector>

namespace etalase::kiosk {

namespace {

constexpr std::string_view kVCardStart = "BEGIN:VCARD";
constexpr std::string_view kMeCardStart = "MECARD:";
constexpr std::size_t kLongestStart = kVCardStart.size();
constexpr std::size_t kLineKept = 16;

char32_t upper(char32_t c) { return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c; }

bool sameNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (upper(static_cast<unsigned char>(a[i])) != upper(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

std::string_view trimmedLine(std::string_view line) {
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line;
}

bool isBreak(char32_t c) { return c == '\n' || c == '\r'; }
bool isBlank(char32_t c) { return c == ' ' || c == '\t' || isBreak(c); }

}  // namespace

ScanDetector::ScanDetector(ScanSettings settings) : m_settings(settings) {}

void ScanDetector::reset() {
  m_recent.clear();
  m_mode = Mode::Watching;
  m_buffer.clear();
}

void ScanDetector::endBySilence(int64_t ms, ScanStep& step) {
  if (m_mode == Mode::Watching || ms - m_lastMs < m_settings.silenceMs) return;
  if (m_mode == Mode::Scanning) {
    if (m_codePoints >= m_settings.minCutOffChars) {
      step.card = std::move(m_buffer);  // cut off: the parser reads what is there and says so
    } else {
      step.type += m_buffer;  // too short to be anything but a fast burst: it was typing after all
    }
  }
  m_buffer.clear();
  m_recent.clear();
  m_mode = Mode::Watching;
}

// The last characters typed make a card's start at scanner speed: the scan begins with them.
bool ScanDetector::recognise(ScanStep& step) {
  for (std::string_view start : {kVCardStart, kMeCardStart}) {
    if (m_recent.size() < start.size()) continue;
    const std::size_t first = m_recent.size() - start.size();
    bool matches = true;
    for (std::size_t i = 0; i < start.size() && matches; ++i) {
      matches = upper(m_recent[first + i].c) == static_cast<unsigned char>(start[i]);
    }
    if (!matches) continue;
    std::vector<int64_t> gaps;
    for (std::size_t i = first + 1; i < m_recent.size(); ++i) {
      gaps.push_back(std::max<int64_t>(0, m_recent[i].ms - m_recent[i - 1].ms));
    }
    std::sort(gaps.begin(), gaps.end());
    const double median = gaps.size() % 2 ? static_cast<double>(gaps[gaps.size() / 2])
                                          : (gaps[gaps.size() / 2 - 1] + gaps[gaps.size() / 2]) / 2.0;
    if (median > m_settings.maxScanGapMs || gaps.back() >= m_settings.humanGapMs) continue;

    // The start's characters typed by earlier steps are erased; those of this event never typed.
    std::size_t earlier = 0;
    for (std::size_t i = first; i < m_recent.size(); ++i) earlier += m_recent[i].earlierEvent ? 1 : 0;
    const std::size_t fromThisEvent = start.size() - earlier;
    step.erase += earlier;
    // The start is ASCII: one byte per character of it at the end of what this step would type.
    step.type.resize(step.type.size() - std::min(step.type.size(), fromThisEvent));
    std::string typedStart;
    for (std::size_t i = first; i < m_recent.size(); ++i) typedStart += static_cast<char>(m_recent[i].c);
    m_buffer = typedStart;  // as the scanner typed it, case and all
    startScan(start == kVCardStart ? CardKind::VCard : CardKind::MeCard, start.size());
    return true;
  }
  return false;
}

void ScanDetector::startScan(CardKind kind, std::size_t prefixLength) {
  m_mode = Mode::Scanning;
  m_kind = kind;
  m_codePoints = prefixLength;
  m_recent.clear();
  m_line = m_buffer;
  m_lineCounted = true;  // this line's BEGIN:VCARD opened the card
  m_depth = 1;
  m_escaped = false;
  m_afterSeparator = false;
}

void ScanDetector::finishScan(ScanStep& step) {
  step.card = std::move(m_buffer);
  m_buffer.clear();
  m_mode = Mode::Trailing;  // the Enter a scanner sends after the card is the scan's too
}

void ScanDetector::scanCodePoint(char32_t c, int64_t ms, ScanStep& step) {
  m_lastMs = ms;
  text::appendUtf8(m_buffer, c);
  ++m_codePoints;
  if (m_buffer.size() > m_settings.maxScanBytes) {
    step.card = std::move(m_buffer);  // too long for a card: parseCard refuses it politely
    m_buffer.clear();
    m_mode = Mode::Discarding;  // the rest of it is swallowed until the scanner falls silent
    return;
  }
  if (m_kind == CardKind::MeCard) {
    if (m_escaped) {
      m_escaped = false;
      m_afterSeparator = false;
    } else if (c == '\\') {
      m_escaped = true;
      m_afterSeparator = false;
    } else if (c == ';') {
      if (m_afterSeparator) return finishScan(step);
      m_afterSeparator = true;
    } else {
      m_afterSeparator = false;
    }
    return;
  }
  if (isBreak(c)) {
    if (sameNoCase(trimmedLine(m_line), kVCardStart) && !m_lineCounted) ++m_depth;
    m_line.clear();
    m_lineCounted = false;
    return;
  }
  if (m_line.size() < kLineKept) text::appendUtf8(m_line, c);
  if (sameNoCase(trimmedLine(m_line), "END:VCARD")) {
    m_line += '\x01';  // counted once, whatever follows on the line
    if (--m_depth <= 0) finishScan(step);
  }
}

ScanStep ScanDetector::text(std::string_view utf8, int64_t ms) {
  ScanStep step;
  endBySilence(ms, step);
  if (m_mode == Mode::Trailing) {
    // Only what a scanner appends after a card (line breaks, spaces) is swallowed here.
    const bool blank = std::all_of(utf8.begin(), utf8.end(), [](char c) { return isBlank(static_cast<unsigned char>(c)); });
    if (blank) {
      m_lastMs = ms;
      return step;
    }
    m_mode = Mode::Watching;
  }
  if (m_mode == Mode::Discarding) {
    m_lastMs = ms;
    return step;
  }
  for (Typed& typed : m_recent) typed.earlierEvent = true;
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(std::min<std::size_t>(utf8.size(), INT32_MAX));
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) c = 0xFFFD;
    const auto codePoint = static_cast<char32_t>(c);
    if (m_mode == Mode::Scanning) {
      scanCodePoint(codePoint, ms, step);
      continue;
    }
    if (m_mode == Mode::Trailing) {
      if (isBlank(codePoint)) continue;
      m_mode = Mode::Watching;
    }
    if (m_mode == Mode::Discarding) continue;
    m_lastMs = ms;
    text::appendUtf8(step.type, codePoint);
    m_recent.push_back({codePoint, ms, false});
    if (m_recent.size() > kLongestStart) m_recent.pop_front();
    recognise(step);
  }
  return step;
}

ScanStep ScanDetector::key(ScanKey key, int64_t ms) {
  ScanStep step;
  endBySilence(ms, step);
  switch (m_mode) {
    case Mode::Scanning:
      scanCodePoint(key == ScanKey::Enter ? U'\n' : U'\t', ms, step);
      step.keyConsumed = true;
      break;
    case Mode::Trailing:
    case Mode::Discarding:
      m_lastMs = ms;
      step.keyConsumed = true;
      break;
    case Mode::Watching:
      m_recent.clear();  // a person's Enter or Tab: what follows starts afresh
      break;
  }
  return step;
}

ScanStep ScanDetector::poll(int64_t ms) {
  ScanStep step;
  endBySilence(ms, step);
  return step;
}

}  // namespace etalase::kiosk

#include "kiosk/export/since_time.h"

#include <chrono>
#include <optional>

#include "kiosk/leads/uuid.h"

namespace etalase::exporting {

namespace {

using namespace std::chrono;

// Reads exactly `count` digits at `at`, moving past them.
std::optional<int> digits(std::string_view text, std::size_t& at, int count) {
  int value = 0;
  for (int i = 0; i < count; ++i, ++at) {
    if (at >= text.size() || text[at] < '0' || text[at] > '9') return std::nullopt;
    value = value * 10 + (text[at] - '0');
  }
  return value;
}

bool take(std::string_view text, std::size_t& at, char c) {
  if (at < text.size() && text[at] == c) {
    ++at;
    return true;
  }
  return false;
}

std::optional<sys_time<milliseconds>> parse(std::string_view text) {
  std::size_t at = 0;
  const auto y = digits(text, at, 4);
  if (!y || !take(text, at, '-')) return std::nullopt;
  const auto m = digits(text, at, 2);
  if (!m || !take(text, at, '-')) return std::nullopt;
  const auto d = digits(text, at, 2);
  if (!d) return std::nullopt;
  const year_month_day day{year{*y}, month{static_cast<unsigned>(*m)},
                           std::chrono::day{static_cast<unsigned>(*d)}};
  if (!day.ok()) return std::nullopt;
  sys_time<milliseconds> when = sys_days(day);
  if (at == text.size()) return when;  // a date alone: UTC midnight

  if (!take(text, at, 'T') && !take(text, at, ' ')) return std::nullopt;
  const auto hh = digits(text, at, 2);
  if (!hh || *hh > 23 || !take(text, at, ':')) return std::nullopt;
  const auto mm = digits(text, at, 2);
  if (!mm || *mm > 59) return std::nullopt;
  int ss = 0, ms = 0;
  if (take(text, at, ':')) {
    const auto s = digits(text, at, 2);
    if (!s || *s > 59) return std::nullopt;
    ss = *s;
    if (take(text, at, '.') || take(text, at, ',')) {
      int scale = 100, places = 0;
      while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
        ms += (text[at++] - '0') * scale;  // beyond milliseconds: dropped
        scale /= 10;
        ++places;
      }
      if (places == 0) return std::nullopt;
    }
  }
  when += hours(*hh) + minutes(*mm) + seconds(ss) + milliseconds(ms);
  if (take(text, at, 'Z')) return at == text.size() ? std::optional(when) : std::nullopt;
  const bool east = take(text, at, '+');
  if (!east && !take(text, at, '-')) return std::nullopt;  // no zone: refused, see the header
  const auto oh = digits(text, at, 2);
  take(text, at, ':');
  const auto om = digits(text, at, 2);
  if (!oh || !om || *oh > 14 || *om > 59 || at != text.size()) return std::nullopt;
  const minutes offset = hours(*oh) + minutes(*om);
  return east ? when - offset : when + offset;
}

}  // namespace

Result<std::string> sinceUtcFromText(std::string_view text) {
  const auto when = parse(text);
  if (!when) {
    return Error{"--since", "expected a date (2026-12-02, from 00:00 UTC) or a time with its zone "
                            "(2026-12-02T09:00+07:00 or 2026-12-02T02:00:00Z)"};
  }
  return leads::utcTimestamp(time_point_cast<system_clock::duration>(*when));
}

}  // namespace etalase::exporting

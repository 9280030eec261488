#include "kiosk/screens/staff/staff_time.h"

#include <ctime>

#include <fmt/format.h>

namespace etalase::kiosk {

namespace {

std::string utcText(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.000Z", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                     tm.tm_hour, tm.tm_min, tm.tm_sec);
}

}  // namespace

std::string localTimeText(const std::string& utc) {
  std::tm tm{};
  if (utc.size() < 19 || std::sscanf(utc.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                                     &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6) {
    return utc;
  }
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  const std::time_t t = timegm(&tm);
  std::tm local{};
  localtime_r(&t, &local);
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return fmt::format("{} {} {:02}:{:02}", local.tm_mday, kMonths[local.tm_mon % 12], local.tm_hour, local.tm_min);
}

UtcRange localDayInUtc(int daysAgo, std::chrono::system_clock::time_point now) {
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  std::tm day{};
  localtime_r(&t, &day);
  day.tm_hour = day.tm_min = day.tm_sec = 0;
  day.tm_mday -= daysAgo;
  day.tm_isdst = -1;
  const std::time_t start = std::mktime(&day);
  day.tm_mday += 1;
  day.tm_isdst = -1;
  const std::time_t end = std::mktime(&day);
  return {utcText(start), utcText(end)};
}

int utcOffsetMinutes(std::chrono::system_clock::time_point now) {
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  std::tm local{};
  localtime_r(&t, &local);
  return static_cast<int>(local.tm_gmtoff / 60);
}

}  // namespace etalase::kiosk

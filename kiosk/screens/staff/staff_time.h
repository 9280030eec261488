// Times for staff, who think in the stand's local time while leads are stored in UTC.
#pragma once

#include <chrono>
#include <string>

namespace etalase::kiosk {

// "2026-12-02T17:13:16.123Z" shown in local time as "2 Dec 00:13"; the text itself when unreadable.
std::string localTimeText(const std::string& utc);
// The UTC range [from, before) of the local day `daysAgo` days before today, as stored text.
struct UtcRange {
  std::string from, before;
};
UtcRange localDayInUtc(int daysAgo, std::chrono::system_clock::time_point now = std::chrono::system_clock::now());
// The local time zone's offset from UTC now, in minutes (Jakarta: 420).
int utcOffsetMinutes(std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

}  // namespace etalase::kiosk

#include "kiosk/export/export_file_name.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

namespace etalase::exporting {

namespace {

constexpr std::size_t kMaxDevicePart = 64;

bool isSafe(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

}  // namespace

std::string fileNameSafe(std::string_view deviceId) {
  // FAT refuses " * / : < > ? \ | and control characters, and drops trailing dots and spaces;
  // non-ASCII survives only as a long name. Runs of replaced bytes become a single '-'.
  std::string safe;
  for (char c : deviceId) {
    if (safe.size() == kMaxDevicePart) break;
    if (isSafe(c)) {
      safe += c;
    } else if (!safe.empty() && safe.back() != '-') {
      safe += '-';
    }
  }
  while (!safe.empty() && safe.back() == '-') safe.pop_back();
  return safe.empty() ? "kiosk" : safe;
}

std::string exportFileName(std::string_view deviceId, std::chrono::system_clock::time_point when,
                           ExportFormat format) {
  // gmtime explicitly: fmt 9 formats a time_point in local time.
  const std::tm utc = fmt::gmtime(std::chrono::system_clock::to_time_t(when));
  return fmt::format("etalase-leads_{}_{:%Y%m%d-%H%M%S}Z.{}", fileNameSafe(deviceId), utc,
                     fileExtension(format));
}

}  // namespace etalase::exporting

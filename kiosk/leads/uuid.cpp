#include "kiosk/leads/uuid.h"

#include <fmt/format.h>
#include <sys/random.h>

#include <array>
#include <cerrno>
#include <cstdint>
#include <ctime>
#include <random>

namespace etalase::leads {

namespace {

std::array<std::uint8_t, 16> randomBytes() {
  std::array<std::uint8_t, 16> bytes{};
  std::size_t filled = 0;
  while (filled < bytes.size()) {
    const ssize_t n = getrandom(bytes.data() + filled, bytes.size() - filled, 0);
    if (n > 0) {
      filled += static_cast<std::size_t>(n);
    } else if (errno != EINTR) {
      break;  // no getrandom (very old kernel): random_device below
    }
  }
  if (filled < bytes.size()) {
    std::random_device device;
    for (auto& byte : bytes) byte = static_cast<std::uint8_t>(device());
  }
  return bytes;
}

std::tm utcCalendar(std::chrono::system_clock::time_point when) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(when);
  std::tm calendar{};
  gmtime_r(&seconds, &calendar);
  return calendar;
}

}  // namespace

std::string newUuidV4() {
  auto b = randomBytes();
  b[6] = static_cast<std::uint8_t>((b[6] & 0x0f) | 0x40);  // version 4
  b[8] = static_cast<std::uint8_t>((b[8] & 0x3f) | 0x80);  // RFC 4122 variant
  return fmt::format(
      "{:02x}{:02x}{:02x}{:02x}-{:02x}{:02x}-{:02x}{:02x}-{:02x}{:02x}-"
      "{:02x}{:02x}{:02x}{:02x}{:02x}{:02x}",
      b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14],
      b[15]);
}

std::string utcTimestamp(std::chrono::system_clock::time_point when) {
  const std::tm t = utcCalendar(when);
  const auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(when.time_since_epoch()).count() % 1000;
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", t.tm_year + 1900, t.tm_mon + 1,
                     t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, (millis + 1000) % 1000);
}

std::string utcHour(std::chrono::system_clock::time_point when) {
  const std::tm t = utcCalendar(when);
  return fmt::format("{:04}-{:02}-{:02}T{:02}", t.tm_year + 1900, t.tm_mon + 1, t.tm_mday,
                     t.tm_hour);
}

void fillIdentity(Lead& lead) {
  if (lead.uuid.empty()) lead.uuid = newUuidV4();
  if (lead.createdUtc.empty()) lead.createdUtc = utcTimestamp(std::chrono::system_clock::now());
}

}  // namespace etalase::leads

#include "platform/watchdog.h"

#include <systemd/sd-daemon.h>

namespace etalase::platform {

Watchdog::Watchdog() {
  std::uint64_t microseconds = 0;
  // 0: keep the variables, so that a kiosk restarted in-process (tests) sees them again.
  if (sd_watchdog_enabled(0, &microseconds) > 0 && microseconds > 0) {
    m_interval = std::chrono::microseconds(microseconds / 4);
  }
}

void Watchdog::framePresented(Clock::time_point now) {
  if (!m_ready) {
    m_ready = true;
    sd_notify(0, "READY=1\nSTATUS=Showing the kiosk");
  }
  if (!m_interval) return;
  if (m_lastKeepAlive && now - *m_lastKeepAlive < *m_interval) return;
  sd_notify(0, "WATCHDOG=1");
  m_lastKeepAlive = now;
  ++m_keepAlivesSent;
}

std::optional<Watchdog::Clock::time_point> Watchdog::nextFrameDue() const {
  if (!m_interval) return std::nullopt;
  if (!m_lastKeepAlive) return Clock::time_point{};
  return *m_lastKeepAlive + *m_interval;
}

void Watchdog::stopping() { sd_notify(0, "STOPPING=1"); }

}  // namespace etalase::platform

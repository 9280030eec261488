// Tells systemd how the kiosk is doing: READY=1 once the first frame is on screen, WATCHDOG=1
// keep-alives only while frames are really being presented, STOPPING=1 on the way out. With
// `WatchdogSec=` in the service, a kiosk whose UI hangs (a stuck decoder lock, a GPU that stopped
// answering) misses its keep-alives and is restarted. Outside systemd every call does nothing.
#pragma once

#include <chrono>
#include <optional>

namespace etalase::platform {

class Watchdog {
 public:
  using Clock = std::chrono::steady_clock;

  // Reads NOTIFY_SOCKET and WATCHDOG_USEC/WATCHDOG_PID as systemd sets them for this process.
  Watchdog();

  // Whether systemd asked for keep-alives.
  bool enabled() const { return m_interval.has_value(); }
  // A quarter of the service's WatchdogSec (sd_watchdog_enabled(3) asks for at least half), so one
  // slow frame does not get the kiosk killed.
  std::optional<Clock::duration> keepAliveInterval() const { return m_interval; }

  // A frame reached the screen at `now`: the first one sends READY=1, and a keep-alive goes when due.
  void framePresented(Clock::time_point now);
  // When the loop must present a frame (even an unchanged one) so that the next keep-alive is not
  // late; nothing when there is no watchdog.
  std::optional<Clock::time_point> nextFrameDue() const;
  void stopping();

  int keepAlivesSent() const { return m_keepAlivesSent; }

 private:
  std::optional<Clock::duration> m_interval;
  std::optional<Clock::time_point> m_lastKeepAlive;
  bool m_ready = false;
  int m_keepAlivesSent = 0;
};

}  // namespace etalase::platform

// Which screen is shown, and the idle timer that sends an abandoned screen back to the attract
// loop. Pure logic (no SDL, no ImGui), so the rules are unit-tested. UI thread only.
#pragma once

#include <chrono>

namespace etalase::kiosk {

// Staff: staff mode's screens, which close by the staff session's own idle time, not this one's.
enum class ScreenId { Attract, Grid, Product, Producer, Contact, BadgeScan, Staff };

const char* screenName(ScreenId screen);

class Navigation {
 public:
  using Clock = std::chrono::steady_clock;

  explicit Navigation(std::chrono::milliseconds idleTimeout) : m_idleTimeout(idleTimeout) {}
  void setIdleTimeout(std::chrono::milliseconds idleTimeout) { m_idleTimeout = idleTimeout; }

  ScreenId screen() const { return m_screen; }
  // Any touch, click or key: the visitor is still there.
  void noteInput(Clock::time_point now) { m_lastInput = now; }
  // A tap that lifted. Returns true when it was used up to leave the attract loop, so it must
  // not also press whatever lies under it on the next screen.
  bool tap(Clock::time_point now);
  void show(ScreenId screen, Clock::time_point now);
  // Applies the idle timeout. Returns true when the screen changed.
  bool update(Clock::time_point now);
  // When update() would next change something; max() in the attract loop.
  Clock::time_point idleDeadline() const;

 private:
  std::chrono::milliseconds m_idleTimeout;
  ScreenId m_screen = ScreenId::Attract;
  Clock::time_point m_lastInput{};
};

}  // namespace etalase::kiosk

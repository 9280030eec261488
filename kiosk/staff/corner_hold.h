// The door to staff mode that visitors do not stumble on: one finger held still for 3 s in the
// screen's top-left corner (docs/staff-mode.md). Pure logic on pointer positions and times, so
// the rule is unit-tested; the app feeds it every pointer event before the screens see them.
#pragma once

#include <chrono>
#include <optional>

namespace etalase::staff {

class CornerHold {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr std::chrono::milliseconds kHold{3000};

  explicit CornerHold(std::chrono::milliseconds hold = kHold) : m_hold(hold) {}

  // The corner: a square of 12 % of the screen's shorter side (at least 48 px), from the top left.
  void down(float x, float y, float screenWidth, float screenHeight, Clock::time_point now);
  // A finger that slides more than a third of the corner is scrolling or swiping, not holding.
  void move(float x, float y);
  void up();
  // True once, when the finger has been held long enough; the app then swallows the rest of
  // this touch so that nothing under it is pressed when it lifts.
  bool fired(Clock::time_point now);
  // When fired() will come true, for the loop's wake-up; nullopt when no hold is under way.
  std::optional<Clock::time_point> deadline() const;

 private:
  std::chrono::milliseconds m_hold;
  std::optional<Clock::time_point> m_since;
  float m_startX = 0, m_startY = 0, m_slop = 0;
};

}  // namespace etalase::staff

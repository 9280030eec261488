// A swipe: one finger's quick sideways stroke, told apart from a tap (it barely moves), a press
// (it stays), and a scroll (it goes mostly up or down). Pure logic on pointer positions and times;
// the kiosk turns a swipe into "next product" and the like.
#pragma once

#include <SDL_rect.h>

#include <chrono>
#include <optional>

namespace etalase::platform {

enum class Swipe { None, Left, Right };

class SwipeDetector {
 public:
  using Clock = std::chrono::steady_clock;
  // A swipe covers at least this share of the picture's width ...
  static constexpr float kMinShareOfWidth = 0.12f;
  // ... in at most this long (a slow drag is a visitor reading, not flicking) ...
  static constexpr std::chrono::milliseconds kMaxDuration{700};
  // ... and goes at least twice as far across as up or down.
  static constexpr float kMinSlope = 2.0f;

  void down(SDL_FPoint at, Clock::time_point when);
  // Where the finger lifted; what it did since down(). A lift without a down is no swipe.
  Swipe up(SDL_FPoint at, Clock::time_point when, float pictureWidth);
  // Forgets a finger that is down (the screen changed under it).
  void reset() { m_start.reset(); }

 private:
  struct Start {
    SDL_FPoint at;
    Clock::time_point when;
  };
  std::optional<Start> m_start;
};

}  // namespace etalase::platform

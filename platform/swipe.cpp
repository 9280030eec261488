#include "swipe.h"

#include <cmath>

namespace etalase::platform {

void SwipeDetector::down(SDL_FPoint at, Clock::time_point when) { m_start = Start{at, when}; }

Swipe SwipeDetector::up(SDL_FPoint at, Clock::time_point when, float pictureWidth) {
  if (!m_start) return Swipe::None;
  const Start start = *m_start;
  m_start.reset();
  const float across = at.x - start.at.x;
  const float upDown = at.y - start.at.y;
  if (when - start.when > kMaxDuration) return Swipe::None;
  if (std::abs(across) < kMinShareOfWidth * pictureWidth) return Swipe::None;
  if (std::abs(across) < kMinSlope * std::abs(upDown)) return Swipe::None;
  return across < 0 ? Swipe::Left : Swipe::Right;
}

}  // namespace etalase::platform

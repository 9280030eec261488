#include "kiosk/staff/corner_hold.h"

#include <algorithm>
#include <cmath>

namespace etalase::staff {

void CornerHold::down(float x, float y, float screenWidth, float screenHeight, Clock::time_point now) {
  const float corner = std::max(48.0f, 0.12f * std::min(screenWidth, screenHeight));
  m_since.reset();
  if (x < 0 || y < 0 || x > corner || y > corner) return;
  m_since = now;
  m_startX = x;
  m_startY = y;
  m_slop = corner / 3;
}

void CornerHold::move(float x, float y) {
  if (m_since && std::hypot(x - m_startX, y - m_startY) > m_slop) m_since.reset();
}

void CornerHold::up() { m_since.reset(); }

bool CornerHold::fired(Clock::time_point now) {
  if (!m_since || now - *m_since < m_hold) return false;
  m_since.reset();
  return true;
}

std::optional<CornerHold::Clock::time_point> CornerHold::deadline() const {
  if (!m_since) return std::nullopt;
  return *m_since + m_hold;
}

}  // namespace etalase::staff

// Screen switching and idle timeout.
#include "navigation.h"

namespace etalase::kiosk {

const char* screenName(ScreenId screen) {
  switch (screen) {
    case ScreenId::Attract: return "attract";
    case ScreenId::Grid: return "grid";
    case ScreenId::Product: return "product";
    case ScreenId::Producer: return "producer";
    case ScreenId::Contact: return "contact";
    case ScreenId::BadgeScan: return "badge-scan";
    case ScreenId::Staff: return "staff";
  }
  return "?";
}

bool Navigation::tap(Clock::time_point now) {
  noteInput(now);
  if (m_screen != ScreenId::Attract) return false;
  m_screen = ScreenId::Grid;
  return true;
}

void Navigation::show(ScreenId screen, Clock::time_point now) {
  m_screen = screen;
  noteInput(now);
}

bool Navigation::update(Clock::time_point now) {
  if (m_screen == ScreenId::Attract || now < idleDeadline()) return false;
  m_screen = ScreenId::Attract;
  return true;
}

Navigation::Clock::time_point Navigation::idleDeadline() const {
  if (m_screen == ScreenId::Attract || m_screen == ScreenId::Staff) return Clock::time_point::max();
  return m_lastInput + m_idleTimeout;
}

}  // namespace etalase::kiosk

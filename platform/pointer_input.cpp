// SDL touch/mouse events to pointer events.
#include "pointer_input.h"

#include <SDL_touch.h>

namespace etalase::platform {

std::optional<PointerEvent> toPointerEvent(const SDL_Event& event, int windowWidth, int windowHeight) {
  PointerEvent pointer;
  switch (event.type) {
    case SDL_FINGERDOWN:
    case SDL_FINGERUP:
    case SDL_FINGERMOTION:
      // Finger positions are normalised to the window.
      pointer.kind = event.type == SDL_FINGERDOWN ? PointerEvent::Kind::Down
                     : event.type == SDL_FINGERUP ? PointerEvent::Kind::Up
                                                  : PointerEvent::Kind::Move;
      pointer.x = event.tfinger.x * static_cast<float>(windowWidth);
      pointer.y = event.tfinger.y * static_cast<float>(windowHeight);
      pointer.touch = true;
      return pointer;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
      if (event.button.which == SDL_TOUCH_MOUSEID || event.button.button != SDL_BUTTON_LEFT) return std::nullopt;
      pointer.kind = event.type == SDL_MOUSEBUTTONDOWN ? PointerEvent::Kind::Down : PointerEvent::Kind::Up;
      pointer.x = static_cast<float>(event.button.x);
      pointer.y = static_cast<float>(event.button.y);
      return pointer;
    case SDL_MOUSEMOTION:
      if (event.motion.which == SDL_TOUCH_MOUSEID) return std::nullopt;
      pointer.kind = PointerEvent::Kind::Move;
      pointer.x = static_cast<float>(event.motion.x);
      pointer.y = static_cast<float>(event.motion.y);
      return pointer;
    default:
      return std::nullopt;
  }
}

bool PrimaryFinger::accept(const SDL_Event& event) {
  if (event.type != SDL_FINGERDOWN && event.type != SDL_FINGERMOTION && event.type != SDL_FINGERUP) return true;
  const std::pair<SDL_TouchID, SDL_FingerID> finger{event.tfinger.touchId, event.tfinger.fingerId};
  switch (event.type) {
    case SDL_FINGERDOWN:
      // The same finger down again means its lift was lost (a touch screen unplugged): it leads.
      if (m_finger && *m_finger != finger) return false;
      m_finger = finger;
      return true;
    case SDL_FINGERMOTION:
      return m_finger == finger;
    default:  // up
      if (m_finger != finger) return false;
      m_finger.reset();
      return true;
  }
}

bool NewScreenGuard::ignore(PointerEvent::Kind kind, Clock::time_point now) {
  if (kind == PointerEvent::Kind::Down) m_ignoring = now - m_shownAt < kSettle;
  if (!m_ignoring) return false;
  if (kind == PointerEvent::Kind::Up) m_ignoring = false;
  return true;
}

}  // namespace etalase::platform

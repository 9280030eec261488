// Touch and mouse as one pointer. Touch is the primary pointer on a stand; SDL's mouse copies of
// touches are ignored so a tap never counts twice.
#pragma once

#include <SDL_events.h>

#include <optional>
#include <utility>

namespace etalase::platform {

struct PointerEvent {
  enum class Kind { Down, Up, Move };
  Kind kind = Kind::Move;
  float x = 0.0f;  // window coordinates
  float y = 0.0f;
  bool touch = false;
};

std::optional<PointerEvent> toPointerEvent(const SDL_Event& event, int windowWidth, int windowHeight);

// Several fingers at once (a child's hand, a palm resting on the glass, two visitors): the first
// finger down drives the pointer until it lifts, and the others are ignored, so they neither tap
// nor drag. Mouse and other events pass.
class PrimaryFinger {
 public:
  bool accept(const SDL_Event& event);

 private:
  std::optional<std::pair<SDL_TouchID, SDL_FingerID>> m_finger;
};

}  // namespace etalase::platform

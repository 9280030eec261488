// Touch and mouse as one pointer. Touch is the primary pointer on a stand; SDL's mouse copies of
// touches are ignored so a tap never counts twice. Pure translation, no state.
#pragma once

#include <SDL_events.h>

#include <optional>

namespace etalase::platform {

struct PointerEvent {
  enum class Kind { Down, Up, Move };
  Kind kind = Kind::Move;
  float x = 0.0f;  // window coordinates
  float y = 0.0f;
  bool touch = false;
};

std::optional<PointerEvent> toPointerEvent(const SDL_Event& event, int windowWidth, int windowHeight);

}  // namespace etalase::platform

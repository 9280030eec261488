// Touch and mouse as one pointer. Touch is the primary pointer on a stand; SDL's mouse copies of
// touches are ignored so a tap never counts twice.
#pragma once

#include <SDL_events.h>

#include <chrono>
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

// A finger lifted far off-screen: the UI lets go of what it held without pressing it (a swipe, a
// staff corner hold that opened the PIN pad).
inline PointerEvent releasedOffScreen(bool touch) { return {PointerEvent::Kind::Up, -10000.0f, -10000.0f, touch}; }

// Several fingers at once (a child's hand, a palm resting on the glass, two visitors): the first
// finger down drives the pointer until it lifts, and the others are ignored, so they neither tap
// nor drag. Mouse and other events pass.
class PrimaryFinger {
 public:
  bool accept(const SDL_Event& event);

 private:
  std::optional<std::pair<SDL_TouchID, SDL_FingerID>> m_finger;
};

// A double tap on a button that changes the screen must not press what the new screen has under
// the finger (Back, then a product tile where Back was). A finger that comes down within
// kSettle of a new screen is ignored until it lifts; one already down when it changed is not.
class NewScreenGuard {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr std::chrono::milliseconds kSettle{250};

  void screenShown(Clock::time_point when) { m_shownAt = when; }
  // Whether to drop this pointer event (and the rest of its finger's stroke).
  bool ignore(PointerEvent::Kind kind, Clock::time_point now);

 private:
  Clock::time_point m_shownAt{};
  bool m_ignoring = false;
};

}  // namespace etalase::platform

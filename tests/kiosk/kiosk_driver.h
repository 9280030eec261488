// Drives a headless App as a visitor would: lets it run until something shows, and puts fingers
// on the screen. Under valgrind (ctest's memcheck tests set ETALASE_TEST_SLOWDOWN) everything runs
// many times slower: deadlines stretch by that factor, so the same story is told.
#pragma once

#include <SDL.h>

#include <chrono>
#include <cstdlib>
#include <functional>

#include "kiosk/app.h"
#include "platform/pointer_input.h"

namespace etalase::test {

inline double slowdown() {
  const char* value = std::getenv("ETALASE_TEST_SLOWDOWN");
  const double factor = value ? std::atof(value) : 1.0;
  return factor >= 1.0 ? factor : 1.0;
}

inline std::chrono::milliseconds scaled(std::chrono::milliseconds duration) {
  return std::chrono::milliseconds(static_cast<long>(static_cast<double>(duration.count()) * slowdown()));
}

// Steps the app until `done` or the (stretched) limit; whether `done` came true.
inline bool runUntil(kiosk::App& app, std::chrono::milliseconds limit, const std::function<bool()>& done,
                     std::chrono::milliseconds step = std::chrono::milliseconds(20)) {
  const auto deadline = std::chrono::steady_clock::now() + scaled(limit);
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    app.step(step);
  }
  return done();
}

inline void runFor(kiosk::App& app, std::chrono::milliseconds duration) {
  runUntil(app, duration, [] { return false; });
}

// Waits out the moment after a screen change in which a new touch is taken for the second tap of a
// double tap and ignored (platform::NewScreenGuard): what a person's next deliberate tap waits for.
inline void settle(kiosk::App& app) {
  runFor(app, platform::NewScreenGuard::kSettle + std::chrono::milliseconds(100));
}

// A finger event at (x, y), each from 0 to 1 across the screen; `id` tells fingers apart.
inline void finger(Uint32 type, float x, float y, SDL_FingerID id = 1) {
  SDL_Event event{};
  event.type = type;
  event.tfinger.touchId = 1;
  event.tfinger.fingerId = id;
  event.tfinger.x = x;
  event.tfinger.y = y;
  SDL_PushEvent(&event);
}

// A finger event at pixel `at` of a screen `size` pixels wide and high.
inline void fingerAt(Uint32 type, SDL_Point at, SDL_Point size) {
  finger(type, static_cast<float>(at.x) / static_cast<float>(size.x), static_cast<float>(at.y) / static_cast<float>(size.y));
}

// Down and up at once: a tap.
inline void tap(float x, float y) {
  finger(SDL_FINGERDOWN, x, y);
  finger(SDL_FINGERUP, x, y);
}

}  // namespace etalase::test

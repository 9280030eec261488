// Pointer input: touches and left clicks become one pointer; SDL's mouse copies of touches and
// other events are ignored.
#include "platform/pointer_input.h"

#include <SDL_touch.h>
#include <gtest/gtest.h>

namespace etalase::platform {
namespace {

constexpr int kWidth = 800;
constexpr int kHeight = 600;

SDL_Event finger(Uint32 type, float x, float y) {
  SDL_Event event{};
  event.type = type;
  event.tfinger.type = type;
  event.tfinger.touchId = 1;
  event.tfinger.fingerId = 1;
  event.tfinger.x = x;
  event.tfinger.y = y;
  event.tfinger.pressure = 1.0f;
  return event;
}

SDL_Event mouseButton(Uint32 type, Uint8 button, Sint32 x, Sint32 y, Uint32 which = 0) {
  SDL_Event event{};
  event.type = type;
  event.button.type = type;
  event.button.which = which;
  event.button.button = button;
  event.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
  event.button.clicks = 1;
  event.button.x = x;
  event.button.y = y;
  return event;
}

SDL_Event mouseMotion(Sint32 x, Sint32 y, Uint32 which = 0) {
  SDL_Event event{};
  event.type = SDL_MOUSEMOTION;
  event.motion.type = SDL_MOUSEMOTION;
  event.motion.which = which;
  event.motion.x = x;
  event.motion.y = y;
  return event;
}

TEST(PointerInputTest, FingerDownIsAPressAtWindowCoordinates) {
  const auto pointer = toPointerEvent(finger(SDL_FINGERDOWN, 0.25f, 0.5f), kWidth, kHeight);
  ASSERT_TRUE(pointer);
  EXPECT_EQ(pointer->kind, PointerEvent::Kind::Down);
  EXPECT_FLOAT_EQ(pointer->x, 200.0f);
  EXPECT_FLOAT_EQ(pointer->y, 300.0f);
  EXPECT_TRUE(pointer->touch);
}

TEST(PointerInputTest, FingerUpIsARelease) {
  const auto pointer = toPointerEvent(finger(SDL_FINGERUP, 0.5f, 0.25f), kWidth, kHeight);
  ASSERT_TRUE(pointer);
  EXPECT_EQ(pointer->kind, PointerEvent::Kind::Up);
  EXPECT_FLOAT_EQ(pointer->x, 400.0f);
  EXPECT_FLOAT_EQ(pointer->y, 150.0f);
  EXPECT_TRUE(pointer->touch);
}

TEST(PointerInputTest, FingerMotionIsAMove) {
  const auto pointer = toPointerEvent(finger(SDL_FINGERMOTION, 1.0f, 1.0f), kWidth, kHeight);
  ASSERT_TRUE(pointer);
  EXPECT_EQ(pointer->kind, PointerEvent::Kind::Move);
  EXPECT_FLOAT_EQ(pointer->x, 800.0f);
  EXPECT_FLOAT_EQ(pointer->y, 600.0f);
}

TEST(PointerInputTest, LeftButtonDownIsAPressAtItsCoordinates) {
  const auto pointer =
      toPointerEvent(mouseButton(SDL_MOUSEBUTTONDOWN, SDL_BUTTON_LEFT, 123, 456), kWidth, kHeight);
  ASSERT_TRUE(pointer);
  EXPECT_EQ(pointer->kind, PointerEvent::Kind::Down);
  EXPECT_FLOAT_EQ(pointer->x, 123.0f);
  EXPECT_FLOAT_EQ(pointer->y, 456.0f);
  EXPECT_FALSE(pointer->touch);
}

TEST(PointerInputTest, LeftButtonUpIsARelease) {
  const auto pointer =
      toPointerEvent(mouseButton(SDL_MOUSEBUTTONUP, SDL_BUTTON_LEFT, 7, 8), kWidth, kHeight);
  ASSERT_TRUE(pointer);
  EXPECT_EQ(pointer->kind, PointerEvent::Kind::Up);
  EXPECT_FLOAT_EQ(pointer->x, 7.0f);
  EXPECT_FLOAT_EQ(pointer->y, 8.0f);
}

TEST(PointerInputTest, MouseCopiesOfTouchesAreIgnored) {
  for (const Uint32 type : {SDL_MOUSEBUTTONDOWN, SDL_MOUSEBUTTONUP}) {
    const SDL_Event copy = mouseButton(type, SDL_BUTTON_LEFT, 200, 300, SDL_TOUCH_MOUSEID);
    EXPECT_FALSE(toPointerEvent(copy, kWidth, kHeight)) << "event type " << type;
  }
  EXPECT_FALSE(toPointerEvent(mouseMotion(200, 300, SDL_TOUCH_MOUSEID), kWidth, kHeight));
}

TEST(PointerInputTest, RightButtonIsIgnored) {
  const SDL_Event event = mouseButton(SDL_MOUSEBUTTONDOWN, SDL_BUTTON_RIGHT, 10, 20);
  EXPECT_FALSE(toPointerEvent(event, kWidth, kHeight));
}

TEST(PointerInputTest, MouseMotionIsAMove) {
  const auto pointer = toPointerEvent(mouseMotion(31, 41), kWidth, kHeight);
  ASSERT_TRUE(pointer);
  EXPECT_EQ(pointer->kind, PointerEvent::Kind::Move);
  EXPECT_FLOAT_EQ(pointer->x, 31.0f);
  EXPECT_FLOAT_EQ(pointer->y, 41.0f);
  EXPECT_FALSE(pointer->touch);
}

TEST(PointerInputTest, KeyboardEventIsIgnored) {
  SDL_Event event{};
  event.type = SDL_KEYDOWN;
  event.key.type = SDL_KEYDOWN;
  event.key.state = SDL_PRESSED;
  event.key.keysym.scancode = SDL_SCANCODE_RETURN;
  event.key.keysym.sym = SDLK_RETURN;
  EXPECT_FALSE(toPointerEvent(event, kWidth, kHeight));
}

TEST(NewScreenGuard, AFingerThatComesDownAsTheScreenChangesIsIgnoredUntilItLifts) {
  using namespace std::chrono_literals;
  using Kind = PointerEvent::Kind;
  NewScreenGuard guard;
  const NewScreenGuard::Clock::time_point shown{10s};
  guard.screenShown(shown);
  // 120 ms after: the second tap of a double tap, all of its stroke.
  EXPECT_TRUE(guard.ignore(Kind::Down, shown + 120ms));
  EXPECT_TRUE(guard.ignore(Kind::Move, shown + 150ms));
  EXPECT_TRUE(guard.ignore(Kind::Up, shown + 400ms)) << "its lift, even after the settle time";
  // A new finger after the settle time counts.
  EXPECT_FALSE(guard.ignore(Kind::Down, shown + 500ms));
  EXPECT_FALSE(guard.ignore(Kind::Up, shown + 560ms));
  // A finger already down when the screen changed keeps going.
  EXPECT_FALSE(guard.ignore(Kind::Down, shown + 2s));
  guard.screenShown(shown + 2100ms);
  EXPECT_FALSE(guard.ignore(Kind::Move, shown + 2150ms));
  EXPECT_FALSE(guard.ignore(Kind::Up, shown + 2200ms));
}

}  // namespace
}  // namespace etalase::platform

// A swipe is a quick, long enough, mostly sideways stroke; taps, presses, slow drags and scrolls
// are not swipes.
#include "platform/swipe.h"

#include <gtest/gtest.h>

namespace etalase::platform {
namespace {

using namespace std::chrono_literals;
using Clock = SwipeDetector::Clock;

constexpr float kWidth = 1080.0f;  // a portrait stand's picture

Swipe stroke(SDL_FPoint from, SDL_FPoint to, std::chrono::milliseconds took) {
  SwipeDetector detector;
  const Clock::time_point start{};
  detector.down(from, start);
  return detector.up(to, start + took, kWidth);
}

TEST(Swipe, AQuickSidewaysStrokeIsASwipeInItsDirection) {
  EXPECT_EQ(stroke({900, 800}, {300, 850}, 180ms), Swipe::Left);
  EXPECT_EQ(stroke({100, 800}, {700, 760}, 250ms), Swipe::Right);
  // Just over an eighth of the width, as a thumb flicks.
  EXPECT_EQ(stroke({500, 800}, {500 + 0.13f * kWidth, 800}, 120ms), Swipe::Right);
}

TEST(Swipe, TapsPressesSlowDragsAndScrollsAreNot) {
  EXPECT_EQ(stroke({500, 800}, {504, 803}, 90ms), Swipe::None) << "a tap";
  EXPECT_EQ(stroke({500, 800}, {500, 800}, 2s), Swipe::None) << "a long press";
  EXPECT_EQ(stroke({500, 800}, {500 + 0.1f * kWidth, 800}, 150ms), Swipe::None) << "too short";
  EXPECT_EQ(stroke({900, 800}, {300, 800}, 1500ms), Swipe::None) << "a slow drag";
  EXPECT_EQ(stroke({500, 1500}, {600, 600}, 200ms), Swipe::None) << "a scroll up the list";
  EXPECT_EQ(stroke({200, 1200}, {700, 900}, 200ms), Swipe::None) << "more diagonal than sideways";
}

TEST(Swipe, OneDownMakesAtMostOneSwipe) {
  SwipeDetector detector;
  const Clock::time_point start{};
  detector.down({900, 800}, start);
  EXPECT_EQ(detector.up({200, 800}, start + 200ms, kWidth), Swipe::Left);
  EXPECT_EQ(detector.up({200, 800}, start + 250ms, kWidth), Swipe::None) << "a second lift without a finger down";
  detector.down({900, 800}, start + 1s);
  detector.reset();
  EXPECT_EQ(detector.up({200, 800}, start + 1200ms, kWidth), Swipe::None) << "forgotten when the screen changed";
}

}  // namespace
}  // namespace etalase::platform

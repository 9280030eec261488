// Navigation: taps leave the attract loop, and an idle grid returns to it exactly on time.
#include "kiosk/navigation.h"

#include <gtest/gtest.h>

#include <chrono>

namespace etalase::kiosk {
namespace {

using namespace std::chrono_literals;

constexpr std::chrono::milliseconds kTimeout = 60s;
const Navigation::Clock::time_point kStart = Navigation::Clock::time_point{} + 1000ms;

TEST(NavigationTest, StartsInTheAttractLoop) {
  Navigation navigation(kTimeout);
  EXPECT_EQ(navigation.screen(), ScreenId::Attract);
}

TEST(NavigationTest, TapInAttractOpensTheGridAndIsConsumed) {
  Navigation navigation(kTimeout);
  EXPECT_TRUE(navigation.tap(kStart));
  EXPECT_EQ(navigation.screen(), ScreenId::Grid);
}

TEST(NavigationTest, TapInGridIsNotConsumedAndStaysInGrid) {
  Navigation navigation(kTimeout);
  navigation.tap(kStart);
  EXPECT_FALSE(navigation.tap(kStart + 1s));
  EXPECT_EQ(navigation.screen(), ScreenId::Grid);
}

TEST(NavigationTest, IdleGridReturnsToAttractExactlyAtTheTimeout) {
  Navigation navigation(kTimeout);
  navigation.tap(kStart);
  EXPECT_FALSE(navigation.update(kStart + kTimeout - 1ms));
  EXPECT_EQ(navigation.screen(), ScreenId::Grid);
  EXPECT_TRUE(navigation.update(kStart + kTimeout));
  EXPECT_EQ(navigation.screen(), ScreenId::Attract);
}

TEST(NavigationTest, IdleDeadlineIsLastInputPlusTimeout) {
  Navigation navigation(kTimeout);
  navigation.tap(kStart);
  EXPECT_EQ(navigation.idleDeadline(), kStart + kTimeout);
}

TEST(NavigationTest, InputPushesTheIdleDeadline) {
  Navigation navigation(kTimeout);
  navigation.tap(kStart);
  navigation.noteInput(kStart + 30s);
  EXPECT_EQ(navigation.idleDeadline(), kStart + 30s + kTimeout);
  EXPECT_FALSE(navigation.update(kStart + kTimeout));
  EXPECT_EQ(navigation.screen(), ScreenId::Grid);
  EXPECT_TRUE(navigation.update(kStart + 30s + kTimeout));
  EXPECT_EQ(navigation.screen(), ScreenId::Attract);
}

TEST(NavigationTest, TapInGridPushesTheIdleDeadline) {
  Navigation navigation(kTimeout);
  navigation.tap(kStart);
  navigation.tap(kStart + 45s);
  EXPECT_FALSE(navigation.update(kStart + kTimeout));
  EXPECT_EQ(navigation.idleDeadline(), kStart + 45s + kTimeout);
}

TEST(NavigationTest, ShowingTheGridStartsTheIdleTimer) {
  Navigation navigation(kTimeout);
  navigation.show(ScreenId::Grid, kStart + 10s);
  EXPECT_EQ(navigation.screen(), ScreenId::Grid);
  EXPECT_EQ(navigation.idleDeadline(), kStart + 10s + kTimeout);
}

TEST(NavigationTest, IdleDeadlineIsNeverInAttract) {
  Navigation navigation(kTimeout);
  EXPECT_EQ(navigation.idleDeadline(), Navigation::Clock::time_point::max());
  navigation.tap(kStart);
  navigation.update(kStart + kTimeout);  // back to the attract loop
  ASSERT_EQ(navigation.screen(), ScreenId::Attract);
  EXPECT_EQ(navigation.idleDeadline(), Navigation::Clock::time_point::max());
}

TEST(NavigationTest, UpdateInAttractNeverChangesTheScreen) {
  Navigation navigation(kTimeout);
  navigation.noteInput(kStart);
  for (const auto now : {Navigation::Clock::time_point{}, kStart, kStart + kTimeout, kStart + 1000h,
                         Navigation::Clock::time_point::max()}) {
    EXPECT_FALSE(navigation.update(now));
    EXPECT_EQ(navigation.screen(), ScreenId::Attract);
  }
}

}  // namespace
}  // namespace etalase::kiosk

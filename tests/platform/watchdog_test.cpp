// The service's watchdog hears from the kiosk only when frames reach the screen.
#include "platform/watchdog.h"

#include <gtest/gtest.h>

#include "notify_listener.h"
#include "test_support.h"

namespace etalase::platform {
namespace {

using namespace std::chrono_literals;
using Clock = Watchdog::Clock;

TEST(Watchdog, OutsideSystemdNothingIsSentAndNoFrameIsForced) {
  unsetenv("NOTIFY_SOCKET");
  unsetenv("WATCHDOG_USEC");
  Watchdog watchdog;
  EXPECT_FALSE(watchdog.enabled());
  watchdog.framePresented(Clock::now());
  EXPECT_EQ(watchdog.keepAlivesSent(), 0);
  EXPECT_FALSE(watchdog.nextFrameDue().has_value()) << "a still kiosk would redraw for nobody";
}

TEST(Watchdog, FirstFrameSaysReadyThenKeepAlivesFollowPresentedFramesAtAQuarterOfTheTimeout) {
  test::NotifyListener systemd(test::freshTempDirectory("watchdog") / "notify", 2s);
  ASSERT_TRUE(systemd.bound());
  Watchdog watchdog;
  ASSERT_TRUE(watchdog.enabled());
  EXPECT_EQ(watchdog.keepAliveInterval(), 500ms);
  EXPECT_LE(*watchdog.nextFrameDue(), Clock::now()) << "before any frame a keep-alive is due at once";

  const auto start = Clock::now();
  watchdog.framePresented(start);
  auto messages = systemd.take(1s);
  EXPECT_EQ(test::countOf(messages, "READY=1"), 1);
  EXPECT_EQ(test::countOf(messages, "WATCHDOG=1"), 1);

  // Frames at 60 Hz do not flood systemd: one keep-alive per interval.
  for (auto at = start + 16ms; at < start + 1400ms; at += 16ms) watchdog.framePresented(at);
  messages = systemd.take(1s);
  EXPECT_EQ(test::countOf(messages, "WATCHDOG=1"), 2) << "at 0.5 s and 1.0 s";
  EXPECT_EQ(test::countOf(messages, "READY=1"), 0) << "ready is said once";
  EXPECT_EQ(watchdog.keepAlivesSent(), 3);

  // A loop that presents nothing sends nothing, and is told when a frame is due.
  EXPECT_TRUE(systemd.take(200ms).empty());
  const auto due = *watchdog.nextFrameDue();
  EXPECT_GT(due, start + 1000ms);
  EXPECT_LE(due, start + 1600ms);
  watchdog.stopping();
  EXPECT_EQ(test::countOf(systemd.take(1s), "STOPPING=1"), 1);
}

}  // namespace
}  // namespace etalase::platform

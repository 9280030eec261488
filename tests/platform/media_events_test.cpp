// A stick's file system mounted or unmounted (by udisks2, a desktop, or staff by hand) is noticed
// from the kernel's mount-table notice, without reading the table on a timer.
#include "platform/media_events.h"

#include <gtest/gtest.h>
#include <sys/mount.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

#include "test_support.h"

namespace etalase::platform {
namespace {

using namespace std::chrono_literals;

bool noticedWithin(MediaEvents& events, std::chrono::milliseconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    if (events.changed()) return true;
    std::this_thread::sleep_for(10ms);
  }
  return false;
}

TEST(MediaEvents, AMountAndAnUnmountAreNoticedAndNothingElseIs) {
  MediaEvents events;
  ASSERT_TRUE(events.available()) << "neither udev nor /proc/self/mountinfo";
  events.changed();  // whatever happened before
  EXPECT_FALSE(noticedWithin(events, 200ms)) << "a notice with nothing mounted";

  const auto stick = test::freshTempDirectory("media-events") / "STICK";
  std::filesystem::create_directories(stick);
  if (::mount("etalase-test", stick.c_str(), "tmpfs", MS_NOEXEC | MS_NOSUID | MS_NODEV, "size=1m") != 0) {
    GTEST_SKIP() << "cannot mount here (not root, or no CAP_SYS_ADMIN): " << std::strerror(errno);
  }
  EXPECT_TRUE(noticedWithin(events, 2s)) << "the mount was not noticed";
  EXPECT_FALSE(events.changed()) << "one notice per change";
  ASSERT_EQ(::umount(stick.c_str()), 0);
  EXPECT_TRUE(noticedWithin(events, 2s)) << "the unmount was not noticed";
}

}  // namespace
}  // namespace etalase::platform

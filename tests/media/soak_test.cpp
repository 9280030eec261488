// A kiosk loops the same videos all day: looping must not leak file descriptors, threads or
// memory (LeakSanitizer checks the heap when this suite exits under the sanitizer build).
#include "media/playlist.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "test_support.h"

namespace etalase::media {
namespace {

using namespace std::chrono_literals;

int openFileDescriptors() {
  int count = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator("/proc/self/fd")) ++count;
  return count;
}

int threads() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("Threads:", 0) == 0) return std::stoi(line.substr(8));
  }
  return -1;
}

// Runs the UI side of the playlist, and pulls its sound like a device would, until `loops`
// passes are done; returns frames shown.
int playLoops(Playlist& playlist, int loops, std::chrono::seconds limit) {
  constexpr int kDeviceFrames = 512;
  std::vector<float> sound(kDeviceFrames * kOutputChannels);
  int frames = 0;
  auto nextFill = std::chrono::steady_clock::now();
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (playlist.loopsCompleted() < loops && std::chrono::steady_clock::now() < deadline) {
    const auto now = std::chrono::steady_clock::now();
    while (nextFill <= now) {
      playlist.fill(sound.data(), kDeviceFrames, nextFill);
      nextFill += std::chrono::microseconds(1'000'000 * kDeviceFrames / kOutputSampleRate);
    }
    auto tick = playlist.tick(now);
    if (tick.newFrame) ++frames;
    std::this_thread::sleep_until(std::min({tick.nextDue, nextFill, now + 5ms}));
  }
  return frames;
}

TEST(Soak, LoopingDoesNotLeakFilesOrThreads) {
  const std::string tiny = test::testMedia("tiny_0.2s.mp4").string();
  Playlist playlist({tiny, tiny}, ClipOptions{});
  ASSERT_GT(playLoops(playlist, 2, 20s), 0);
  ASSERT_EQ(playlist.loopsCompleted(), 2);
  std::this_thread::sleep_for(300ms);  // let the loader close what it retired
  const int fdsAfterWarmUp = openFileDescriptors();
  const int threadsAfterWarmUp = threads();
  playLoops(playlist, 20, 60s);
  ASSERT_EQ(playlist.loopsCompleted(), 20);
  std::this_thread::sleep_for(300ms);
  // The same moment in the cycle: one clip playing, its successor at most pre-rolling.
  EXPECT_LE(openFileDescriptors(), fdsAfterWarmUp + 1);
  EXPECT_LE(threads(), threadsAfterWarmUp + 3) << "decoder threads pile up";
  EXPECT_TRUE(playlist.takeErrors().empty());
}

}  // namespace
}  // namespace etalase::media

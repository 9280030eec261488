// Playlist: bad files are reported and skipped, a playlist of only bad files says so instead of
// hanging, and the playlist loops. Runs in real time (short clips).
#include "media/playlist.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <thread>

#include "test_support.h"

namespace etalase::media {
namespace {

using namespace std::chrono_literals;

std::string clip(const std::string& name) { return test::testMedia(name).string(); }

// Ticks the playlist like the UI loop does, until `done` or the time limit.
template <typename Done>
int runUntil(Playlist& playlist, std::chrono::milliseconds limit, Done done) {
  int framesShown = 0;
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline && !done()) {
    auto tick = playlist.tick(std::chrono::steady_clock::now());
    if (tick.newFrame) ++framesShown;
    std::this_thread::sleep_until(std::min(tick.nextDue, std::chrono::steady_clock::now() + 10ms));
  }
  return framesShown;
}

TEST(Playlist, SkipsFilesThatCannotPlayAndSaysWhy) {
  Playlist playlist({clip("corrupt.mp4"), clip("missing.mp4"), clip("noaudio_1s.mp4")}, ClipOptions{});
  const int frames = runUntil(playlist, 5s, [&] { return playlist.state() == Playlist::State::Playing; });
  (void)frames;
  ASSERT_EQ(playlist.state(), Playlist::State::Playing);
  EXPECT_NE(playlist.currentPath().find("noaudio_1s.mp4"), std::string::npos);
  const auto errors = playlist.takeErrors();
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_NE(errors[0].text().find("corrupt.mp4"), std::string::npos);
  EXPECT_NE(errors[1].text().find("missing.mp4"), std::string::npos);
  EXPECT_TRUE(playlist.takeErrors().empty()) << "each failure is reported once";
}

TEST(Playlist, OnlyBadFilesEndsInAllFailedRatherThanWaitingForever) {
  Playlist playlist({clip("corrupt.mp4"), clip("audio_only.m4a"), clip("truncated.mp4")}, ClipOptions{});
  runUntil(playlist, 5s, [&] { return playlist.state() == Playlist::State::AllFailed; });
  EXPECT_EQ(playlist.state(), Playlist::State::AllFailed);
  EXPECT_EQ(playlist.takeErrors().size(), 3u);
}

TEST(Playlist, EmptyPlaylistIsAllFailedAtOnce) {
  Playlist playlist({}, ClipOptions{});
  EXPECT_EQ(playlist.state(), Playlist::State::AllFailed);
}

TEST(Playlist, UpcomingFrameIsTheOneTheNextTickShowsCutsIncluded) {
  // The kiosk converts upcoming() while it waits, so a due frame is only swapped in; a wrong
  // prediction costs the conversion again, a missing one at a cut delays the new clip's picture.
  ClipOptions options;
  options.decodeAudio = false;
  Playlist playlist({clip("noaudio_1s.mp4"), clip("tiny_0.2s.mp4")}, options);
  runUntil(playlist, 5s, [&] { return playlist.state() == Playlist::State::Playing; });
  int shown = 0;
  int predicted = 0;
  int cuts = 0;
  int cutsPredicted = 0;
  int clipOnScreen = 0;
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (playlist.loopsCompleted() < 3 && std::chrono::steady_clock::now() < deadline) {
    const Playlist::Upcoming upcoming = playlist.upcoming();
    const auto tick = playlist.tick(std::chrono::steady_clock::now());
    if (tick.newFrame) {
      const bool hit = upcoming.frame == tick.newFrame && upcoming.clipNumber == tick.clipNumber;
      ++shown;
      predicted += hit ? 1 : 0;
      if (clipOnScreen != 0 && tick.clipNumber != clipOnScreen) {
        ++cuts;
        cutsPredicted += hit ? 1 : 0;
      }
      clipOnScreen = tick.clipNumber;
    }
    std::this_thread::sleep_until(std::min(tick.nextDue, std::chrono::steady_clock::now() + 10ms));
  }
  ASSERT_GE(cuts, 4);
  EXPECT_GE(predicted, shown * 8 / 10) << predicted << " of " << shown;
  EXPECT_GE(cutsPredicted, cuts - 1) << "the next clip's first frame is known before the cut";
}

TEST(Playlist, SingleClipLoopsAndKeepsShowingFrames) {
  Playlist playlist({clip("noaudio_1s.mp4")}, ClipOptions{});
  const int frames = runUntil(playlist, 8s, [&] { return playlist.loopsCompleted() >= 2; });
  EXPECT_GE(playlist.loopsCompleted(), 2);
  // Two full passes of a 30-frame clip at least (the third has begun).
  EXPECT_GE(frames, 60);
  EXPECT_TRUE(playlist.takeErrors().empty());
}

TEST(Playlist, PlaysItemsInOrderAndWraps) {
  Playlist playlist({clip("noaudio_1s.mp4"), clip("rotated_90.mp4")}, ClipOptions{});
  std::vector<std::string> order;
  runUntil(playlist, 8s, [&] {
    const std::string& path = playlist.currentPath();
    if (!path.empty() && (order.empty() || order.back() != path)) order.push_back(path);
    return order.size() >= 3;
  });
  ASSERT_GE(order.size(), 3u);
  EXPECT_NE(order[0].find("noaudio_1s"), std::string::npos);
  EXPECT_NE(order[1].find("rotated_90"), std::string::npos);
  EXPECT_NE(order[2].find("noaudio_1s"), std::string::npos);
  EXPECT_EQ(playlist.loopsCompleted(), 1);
}

TEST(Playlist, PausedPlaylistShowsNoNewFramesAndMayWaitForever) {
  Playlist playlist({clip("noaudio_1s.mp4")}, ClipOptions{});
  runUntil(playlist, 5s, [&] { return playlist.state() == Playlist::State::Playing; });
  ASSERT_EQ(playlist.state(), Playlist::State::Playing);
  const auto now = std::chrono::steady_clock::now();
  playlist.setPaused(true, now);
  auto tick = playlist.tick(now + 500ms);
  EXPECT_EQ(tick.newFrame, nullptr);
  EXPECT_EQ(tick.nextDue, SteadyTime::max());
}

TEST(Playlist, MutedPlaylistFillsSilence) {
  Playlist playlist({clip("h264_aac_2s.mp4")}, ClipOptions{});
  runUntil(playlist, 5s, [&] { return playlist.state() == Playlist::State::Playing; });
  std::this_thread::sleep_for(200ms);
  std::vector<float> buffer(2048 * kOutputChannels, 0.0f);
  // Unmuted, the tone is there (so silence below means muting, not missing sound). The sound
  // joins the picture where it is by now, so a busy machine may need a few device reads first.
  float peak = 0.0f;
  const auto deadline = std::chrono::steady_clock::now() + 2s;
  // The test clip's tone peaks near 0.094 once its mono is spread over two channels (-3 dB each);
  // only its first AAC frames overshoot 0.1, and the sound joining the picture may skip those.
  constexpr float kAudible = 0.05f;
  while (peak <= kAudible && std::chrono::steady_clock::now() < deadline) {
    playlist.fill(buffer.data(), 2048, std::chrono::steady_clock::now());
    for (float s : buffer) peak = std::max(peak, std::fabs(s));
  }
  ASSERT_GT(peak, kAudible);
  playlist.setMuted(true);
  std::fill(buffer.begin(), buffer.end(), 1.0f);
  playlist.fill(buffer.data(), 2048, std::chrono::steady_clock::now());
  for (float s : buffer) ASSERT_EQ(s, 0.0f);
}

}  // namespace
}  // namespace etalase::media

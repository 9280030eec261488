// PlaybackStats: cuts are told apart from holds inside a clip, as the benchmark reports them.
#include "kiosk/playback_stats.h"

#include <gtest/gtest.h>

namespace etalase::kiosk {
namespace {

using namespace std::chrono_literals;

TEST(PlaybackStats, FreezeAtACutIsMeasuredSeparatelyFromHoldsInsideAClip) {
  PlaybackStats stats;
  const PlaybackStats::Clock::time_point t0{};
  stats.framePresented(t0, 1);
  stats.framePresented(t0 + 33ms, 1);
  stats.framePresented(t0 + 100ms, 1);  // a 67 ms hold inside clip 1
  stats.framePresented(t0 + 250ms, 2);  // clip 1's last picture stayed up 150 ms at the cut
  stats.framePresented(t0 + 283ms, 2);
  EXPECT_EQ(stats.frames(), 5);
  ASSERT_EQ(stats.cutGapsMs().size(), 1u);
  EXPECT_NEAR(stats.cutGapsMs()[0], 150.0, 0.01);
  EXPECT_NEAR(stats.maxHoldWithinClipMs(), 67.0, 0.01);
}

TEST(PlaybackStats, TypicalAndRareHoldsInsideAClipAreReported) {
  PlaybackStats stats;
  PlaybackStats::Clock::time_point t = {};
  stats.framePresented(t, 1);
  for (int i = 0; i < 99; ++i) stats.framePresented(t += 33ms, 1);
  stats.framePresented(t += 80ms, 1);  // one late frame in a hundred holds
  EXPECT_NEAR(stats.holdWithinClipPercentileMs(0.5), 33.5, 0.01) << "to the 0.5 ms bin above";
  EXPECT_NEAR(stats.holdWithinClipPercentileMs(0.99), 33.5, 0.01);
  EXPECT_NEAR(stats.holdWithinClipPercentileMs(1.0), 80.5, 0.01);
  EXPECT_NEAR(stats.maxHoldWithinClipMs(), 80.0, 0.01);
}

TEST(PlaybackStats, JsonCarriesTheFiguresTheBenchmarkReads) {
  PlaybackStats stats;
  const PlaybackStats::Clock::time_point t0{};
  stats.setFirstFrameSeconds(0.25);
  stats.framePresented(t0, 1);
  stats.framePresented(t0 + 40ms, 2);
  const std::string json = stats.json(3, 1, 0, "software");
  EXPECT_NE(json.find("\"frames\": 2"), std::string::npos) << json;
  EXPECT_NE(json.find("\"dropped\": 3"), std::string::npos) << json;
  EXPECT_NE(json.find("\"first_frame_ms\": 250.0"), std::string::npos) << json;
  EXPECT_NE(json.find("\"max_cut_gap_ms\": 40.0"), std::string::npos) << json;
  EXPECT_NE(json.find("\"renderer\": \"software\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"hold_p99_ms\": "), std::string::npos) << json;
}

}  // namespace
}  // namespace etalase::kiosk

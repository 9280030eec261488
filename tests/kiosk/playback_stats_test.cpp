// PlaybackStats: cuts are told apart from holds inside a clip, as the benchmark reports them.
// SaveFrameWatch: the frames around a lead's save are the ones it reports.
#include "kiosk/playback_stats.h"
#include "kiosk/save_frame_watch.h"

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

TEST(SaveFrameWatch, CountsTheFramesFromTheSubmitToTheThanksAndNothingElse) {
  SaveFrameWatch watch;
  SaveFrameWatch::Clock::time_point t{};
  watch.frame(t, t + 90ms, false, false);  // a slow frame while typing is not about a save
  t += 5s;  // the visitor thinks before pressing Send: no frame is late for it
  watch.frame(t, t + 12ms, false, true);  // the frame that submits
  t += 16ms;
  watch.frame(t, t + 3ms, true, true);
  t += 40ms;  // the screen stood still for 40 ms while saving
  watch.frame(t, t + 4ms, true, true);
  t += 16ms;
  watch.frame(t, t + 25ms, true, false);  // the thank-you frame, drawing the producer's code
  t += 1s;
  watch.frame(t, t + 200ms, false, false);  // later frames are not about the save
  EXPECT_EQ(watch.saves(), 1);
  EXPECT_NEAR(watch.longestFrameMs(), 41.0, 0.01) << "the 40 ms wait and the 4 ms frame after it";
}

TEST(PlaybackStats, MoreFieldsGoInsideTheSameObject) {
  const std::string json = PlaybackStats{}.json(0, 0, 0, "software", "\"lead_saves\": 2");
  EXPECT_TRUE(json.ends_with("\"software\", \"lead_saves\": 2}")) << json;
}

}  // namespace
}  // namespace etalase::kiosk

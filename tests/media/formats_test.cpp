// What producers shoot: every codec, container and odd format plays every frame in order at the
// right size, and clips with sound keep picture and sound within 45 ms of each other.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "media/clip_driver.h"
#include "media/clip_player.h"
#include "test_support.h"

namespace etalase::media {
namespace {

using test::seconds;

struct Format {
  const char* file;
  int frames;            // how many pictures the clip holds
  double displayWidth;   // as a viewer sees it
  double displayHeight;
  bool sound;
};

void PrintTo(const Format& f, std::ostream* os) { *os << f.file; }

class Formats : public ::testing::TestWithParam<Format> {};
class FormatsWithSound : public ::testing::TestWithParam<Format> {};

TEST_P(Formats, EveryFramePlaysInOrderAtTheRightSize) {
  const Format& format = GetParam();
  ClipOptions options;
  options.decodeAudio = false;  // picture only: the wall clock drives it
  auto opened = ClipPlayer::open(test::testMedia(format.file).string(), options);
  ASSERT_TRUE(opened) << opened.error().text();
  ClipPlayer& clip = *opened.value();
  EXPECT_NEAR(clip.info().geometry.displayWidth(), format.displayWidth, 0.5);
  EXPECT_NEAR(clip.info().geometry.displayHeight(), format.displayHeight, 0.5);
  ASSERT_TRUE(test::waitForDecoder(clip));
  const SteadyTime t0{};
  clip.start(t0);
  std::vector<double> pts;
  const bool finished = test::playToEnd(clip, t0, 0.005, 5.0, [&](double, const AVFrame* frame) {
    pts.push_back(test::framePts(clip, frame));
  });
  EXPECT_TRUE(finished);
  EXPECT_EQ(static_cast<int>(pts.size()), format.frames);
  EXPECT_EQ(clip.droppedFrames(), 0);
  for (std::size_t i = 1; i < pts.size(); ++i) EXPECT_GT(pts[i], pts[i - 1]) << "frame " << i;
}

TEST_P(FormatsWithSound, PictureAndSoundStayWithin45Milliseconds) {
  const Format& format = GetParam();
  auto opened = ClipPlayer::open(test::testMedia(format.file).string(), ClipOptions{});
  ASSERT_TRUE(opened) << opened.error().text();
  ClipPlayer& clip = *opened.value();
  ASSERT_TRUE(clip.hasAudio());
  ASSERT_TRUE(test::waitForDecoder(clip));
  // A virtual sound device: 1024-frame buffers, each heard two buffers after it is filled.
  constexpr int kBuffer = 1024;
  const double bufferSeconds = static_cast<double>(kBuffer) / kOutputSampleRate;
  const double latency = 2 * bufferSeconds;
  const SteadyTime t0{};
  clip.start(t0);
  std::vector<float> sound(kBuffer * kOutputChannels);
  double heardSeconds = 0.0;  // sound handed out so far
  float peak = 0.0f;
  double worstOffset = 0.0;
  int frames = 0;
  bool finished = false;
  for (int step = 0; step < 2000 && !finished; ++step) {
    const double now = step * 0.002;
    if (now >= heardSeconds - latency && !clip.audioFinished()) {
      const int got = test::readAudioFully(clip, sound.data(), kBuffer, t0 + seconds(heardSeconds));
      for (int i = 0; i < got * kOutputChannels; ++i) peak = std::max(peak, std::fabs(sound[i]));
      heardSeconds += static_cast<double>(got) / kOutputSampleRate;
    }
    ASSERT_TRUE(test::waitForDecoder(clip));
    auto pick = clip.pick(t0 + seconds(now));
    finished = pick.finished;
    if (!pick.newFrame || ++frames == 1) continue;  // the first picture waits for the sound
    // What the listener hears now, from the samples alone: they play back to back from t0.
    const double soundPosition = now;
    worstOffset = std::max(worstOffset, std::fabs(test::framePts(clip, pick.newFrame) - soundPosition));
  }
  EXPECT_TRUE(finished);
  EXPECT_GT(peak, 0.05f) << "the tone did not come through the resampler";
  EXPECT_GT(frames, 20);
  EXPECT_LE(worstOffset, 0.045) << "picture and sound drifted apart";
}

std::string clipName(const ::testing::TestParamInfo<Format>& info) {
  std::string name = info.param.file;
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

const Format kWithSound[] = {
    {"h264_aac_2s.mp4", 60, 320, 240, true}, {"hevc_aac.mp4", 30, 320, 240, true},
    {"vp9_opus.webm", 30, 320, 240, true},   {"mpeg4_aac.mov", 30, 320, 240, true},
    {"surround_44k.mp4", 30, 320, 240, true}, {"mono_22k.mp4", 30, 320, 240, true},
};
const Format kPictureOnly[] = {
    {"av1.mkv", 30, 320, 240, false},          {"h264_10bit.mkv", 30, 320, 240, false},
    {"odd_size_321x241.webm", 30, 321, 241, false}, {"anamorphic.mp4", 25, 1024, 576, false},
    {"vfr.mkv", 25, 320, 240, false},          {"rotated_90.mp4", 30, 180, 320, false},
};

INSTANTIATE_TEST_SUITE_P(WithSound, Formats, ::testing::ValuesIn(kWithSound), clipName);
INSTANTIATE_TEST_SUITE_P(PictureOnly, Formats, ::testing::ValuesIn(kPictureOnly), clipName);
INSTANTIATE_TEST_SUITE_P(WithSound, FormatsWithSound, ::testing::ValuesIn(kWithSound), clipName);

}  // namespace
}  // namespace etalase::media

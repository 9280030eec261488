// A hardware decoder that fails in the middle of a clip is replaced by a software decoder that
// starts again from the last keyframe: every picture is still shown, once, in order.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "media/clip_driver.h"
#include "media/clip_player.h"
#include "media/media_file.h"
#include "test_support.h"

namespace etalase::media {
namespace {

// Stands in for a board's decoder that gives up part-way (a lost device, an unsupported slice).
class FailingHardwareDecoder final : public VideoDecoder {
 public:
  struct FailAt {
    int pictures = -1;        // receive fails for good once this many pictures came out
    int packets = -1;         // send fails for good from this packet on
    int oneErrorAt = -1;      // receive fails once (a corrupt slice) after this many pictures
    bool pushesBack = false;  // send answers EAGAIN every other time, as V4L2 decoders do
  };
  FailingHardwareDecoder(VideoDecoderPtr inner, FailAt failAt) : m_inner(std::move(inner)), m_failAt(failAt) {}

  int send(const AVPacket* packet) override {
    if (packet && m_failAt.packets >= 0 && m_packets >= m_failAt.packets) return AVERROR(EIO);
    if (packet && m_failAt.pushesBack && (m_sends++ % 2 == 0)) return AVERROR(EAGAIN);
    if (packet) ++m_packets;
    return m_inner->send(packet);
  }
  int receive(AVFrame* frame) override {
    if (m_failAt.pictures >= 0 && m_pictures >= m_failAt.pictures) return AVERROR(EIO);
    if (m_failAt.oneErrorAt >= 0 && m_pictures == m_failAt.oneErrorAt && !m_erredOnce) {
      m_erredOnce = true;
      return AVERROR_INVALIDDATA;
    }
    const int rc = m_inner->receive(frame);
    if (rc >= 0) ++m_pictures;
    return rc;
  }
  void flush() override { m_inner->flush(); }
  bool hardware() const override { return true; }
  std::string description() const override { return "failing (hardware)"; }

 private:
  VideoDecoderPtr m_inner;
  FailAt m_failAt;
  int m_packets = 0;
  int m_sends = 0;
  int m_pictures = 0;
  bool m_erredOnce = false;
};

std::unique_ptr<ClipPlayer> openWithFailingHardware(const std::string& name, FailingHardwareDecoder::FailAt failAt) {
  ClipOptions options;
  options.decodeAudio = false;
  options.hardware = HardwareDecode::Auto;
  options.openHardware = [failAt](const MediaFile& file, int stream, HardwareDecode) -> Result<VideoDecoderPtr> {
    auto software = openSoftwareVideoDecoder(file, stream, 1);
    if (!software) return software.error();
    return VideoDecoderPtr(std::make_unique<FailingHardwareDecoder>(std::move(software.value()), failAt));
  };
  auto clip = ClipPlayer::open(test::testMedia(name).string(), options);
  if (!clip) ADD_FAILURE() << clip.error().text();
  return clip ? std::move(clip.value()) : nullptr;
}

// Plays the clip to its end one frame interval (1/30 s) at a time; the pts of each picture shown.
std::vector<double> picturesShown(ClipPlayer& clip, double maxSeconds) {
  const auto played = test::playFromStart(clip, 1.0 / 30.0, maxSeconds);
  EXPECT_TRUE(played.finished);
  return played.pts;
}

struct FallbackCase {
  const char* name;
  const char* clip;
  FailingHardwareDecoder::FailAt failAt;
  std::size_t pictures;     // in the clip, every one of them shown once, in order
  const char* decoderAtEnd;
};

class HardwareFallback : public testing::TestWithParam<FallbackCase> {};

TEST_P(HardwareFallback, EveryPictureIsShownOnceInOrder) {
  const FallbackCase& c = GetParam();
  auto clip = openWithFailingHardware(c.clip, c.failAt);
  ASSERT_TRUE(clip);
  EXPECT_EQ(clip->decoderDescription(), "failing (hardware)");
  const auto shown = picturesShown(*clip, 3.0);
  ASSERT_EQ(shown.size(), c.pictures);
  for (std::size_t i = 0; i < shown.size(); ++i) EXPECT_NEAR(shown[i], i / 30.0, 1e-3) << "picture " << i;
  EXPECT_EQ(clip->decoderDescription(), c.decoderAtEnd);
  EXPECT_FALSE(clip->failure().has_value());
  EXPECT_EQ(clip->droppedFrames(), 0);
}

INSTANTIATE_TEST_SUITE_P(
    Decoders, HardwareFallback,
    testing::Values(
        // Hands over to software without a gap.
        FallbackCase{"FailingMidClip", "noaudio_1s.mp4", {.pictures = 12}, 30, "h264 (software)"},
        FallbackCase{"RefusingPacketsMidClip", "noaudio_1s.mp4", {.packets = 17}, 30, "h264 (software)"},
        FallbackCase{"FailingOnItsFirstPicture", "h264_aac_2s.mp4", {.pictures = 0}, 60, "h264 (software)"},
        // Keyframes every 10 pictures and B-frames: the decoder fails in the third group, after
        // pictures were delivered out of decode order.
        FallbackCase{"FailingInALaterGroupWithBFrames", "bframes_gop10.mp4", {.pictures = 25}, 60, "h264 (software)"},
        // Not failures: EAGAIN asks for the packet again, one corrupt picture is skipped.
        FallbackCase{"PushingBack", "noaudio_1s.mp4", {.pushesBack = true}, 30, "failing (hardware)"},
        FallbackCase{"OneCorruptPicture", "noaudio_1s.mp4", {.oneErrorAt = 10}, 30, "failing (hardware)"}),
    [](const testing::TestParamInfo<FallbackCase>& info) { return std::string(info.param.name); });

TEST(HardwareFallbackSeek, SeekAfterTheHandOverKeepsDecodingInSoftware) {
  auto clip = openWithFailingHardware("h264_aac_2s.mp4", {.pictures = 5});
  ASSERT_TRUE(clip);
  picturesShown(*clip, 3.0);
  ASSERT_TRUE(clip->seek(1.0).ok());
  ASSERT_TRUE(test::waitForDecoder(*clip));
  auto pick = clip->pick(SteadyTime{} + std::chrono::seconds(10));
  ASSERT_NE(pick.newFrame, nullptr);
  EXPECT_NEAR(test::framePts(*clip, pick.newFrame), 1.0, 0.001);
  EXPECT_EQ(clip->decoderDescription(), "h264 (software)") << "a decoder that failed is not tried again";
}

TEST(HardwareFallbackLeap, HandOverRightAfterTimestampsLeapBackShowsEveryPictureOnce) {
  // Two recordings joined, the second stamped 30 s earlier; the decoder fails at the join.
  auto clip = openWithFailingHardware("timestamp_back.ts", {.pictures = 15});
  ASSERT_TRUE(clip);
  const auto shown = picturesShown(*clip, 3.0);
  ASSERT_EQ(shown.size(), 30u);
  EXPECT_EQ(std::set<double>(shown.begin(), shown.end()).size(), 30u) << "a picture was shown twice";
  // Each recording in its own order: rising within each half, falling once at the join.
  for (std::size_t i = 1; i < shown.size(); ++i) {
    if (i == 15) {
      EXPECT_LT(shown[i], shown[i - 1]) << "the second recording starts at the join";
    } else {
      EXPECT_GT(shown[i], shown[i - 1]) << "picture " << i;
    }
  }
  EXPECT_EQ(clip->decoderDescription(), "h264 (software)");
}

}  // namespace
}  // namespace etalase::media

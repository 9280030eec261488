// ClipPlayer: every frame shown once and in order at the right time, late frames dropped,
// the audio driving the clock, and pause holding the picture.
#include "media/clip_player.h"

#include <gtest/gtest.h>

#include <cmath>
#include <thread>
#include <vector>

#include "media/clip_driver.h"
#include "test_support.h"

namespace etalase::media {
namespace {

using namespace std::chrono_literals;

std::unique_ptr<ClipPlayer> openClip(const std::string& name, bool audio = true) {
  ClipOptions options;
  options.decodeAudio = audio;
  auto clip = ClipPlayer::open(test::testMedia(name).string(), options);
  if (!clip) ADD_FAILURE() << clip.error().text();
  return clip ? std::move(clip.value()) : nullptr;
}

using test::seconds;
using test::waitForDecoder;

TEST(ClipPlayer, ShowsEveryFrameOnceInOrderAtItsTime) {
  auto clip = openClip("noaudio_1s.mp4");
  ASSERT_TRUE(clip);
  const auto played = test::playFromStart(*clip, 1.0 / 30.0, 2.0);
  EXPECT_TRUE(played.finished);
  EXPECT_EQ(played.shownAt.size(), 30u);
  EXPECT_EQ(clip->droppedFrames(), 0);
  for (std::size_t i = 0; i < played.shownAt.size(); ++i) EXPECT_NEAR(played.shownAt[i], i / 30.0, 1e-6);
}

TEST(ClipPlayer, LastPictureReleasedAfterCopyingStillEndsTheClipOnTime) {
  // The kiosk copies each picture to a texture and then lets the clip free its last one early.
  auto clip = openClip("noaudio_1s.mp4");
  ASSERT_TRUE(clip);
  // playFromStart reads each picture's timestamp when it is handed out: still valid, though the
  // previous one was released.
  const auto played = test::playFromStart(*clip, 1.0 / 30.0, 2.0, [&] { clip->releaseLastPicture(); });
  EXPECT_TRUE(played.finished);
  ASSERT_EQ(played.shownAt.size(), 30u);
  EXPECT_NEAR(played.shownAt.back(), 29.0 / 30.0, 1e-6);
  EXPECT_NEAR(played.pts.back(), 29.0 / 30.0, 1e-3);
  EXPECT_EQ(clip->peekNextFrame(), nullptr);
}

TEST(ClipPlayer, FirstFrameIsShownAtOnceWhenStarted) {
  auto clip = openClip("noaudio_1s.mp4");
  ASSERT_TRUE(clip);
  ASSERT_TRUE(waitForDecoder(*clip));
  EXPECT_TRUE(clip->ready());
  std::this_thread::sleep_for(200ms);  // pre-roll: the frames after the first are decoded too
  const SteadyTime t0{};
  clip->start(t0);
  auto pick = clip->pick(t0);
  ASSERT_NE(pick.newFrame, nullptr);
  EXPECT_EQ(pick.newFrame->width, 320);
  // The next frame is due one frame interval later, and the loop may sleep until then.
  EXPECT_NEAR(std::chrono::duration<double>(pick.nextDue - t0).count(), 1.0 / 30.0, 0.002);
}

TEST(ClipPlayer, LateFramesAreDroppedNotQueuedUp) {
  auto clip = openClip("noaudio_1s.mp4");
  ASSERT_TRUE(clip);
  ASSERT_TRUE(waitForDecoder(*clip));
  const SteadyTime t0{};
  clip->start(t0);
  ASSERT_NE(clip->pick(t0).newFrame, nullptr);
  std::this_thread::sleep_for(200ms);  // let the decoder fill its small queue
  // The clock jumps 3 frames ahead (a stall): the picture catches up in one step.
  auto pick = clip->pick(t0 + seconds(3.0 / 30.0 + 0.001));
  ASSERT_NE(pick.newFrame, nullptr);
  EXPECT_EQ(clip->droppedFrames(), 2);
  EXPECT_NEAR(clip->position(t0 + seconds(3.0 / 30.0 + 0.001)), 0.1, 0.002);
}

TEST(ClipPlayer, AudioSamplesComeOutAndDriveTheClock) {
  auto clip = openClip("h264_aac_2s.mp4");
  ASSERT_TRUE(clip);
  ASSERT_TRUE(clip->hasAudio());
  ASSERT_TRUE(waitForDecoder(*clip));
  std::this_thread::sleep_for(200ms);  // pre-roll the audio too
  const SteadyTime t0{};
  clip->start(t0);
  std::vector<float> buffer(4800 * kOutputChannels, 0.0f);
  // A device asks for 0.1 s of sound at t0; it is heard from t0 on.
  const int frames = clip->readAudio(buffer.data(), 4800, t0);
  ASSERT_EQ(frames, 4800);
  float peak = 0.0f;
  for (float s : buffer) peak = std::max(peak, std::fabs(s));
  // The tone peaks near 0.094 once its mono is spread over two channels (-3 dB each).
  EXPECT_GT(peak, 0.05f) << "the 440 Hz tone should be audible";
  // The clock follows the audio: 50 ms after the first sample was heard, the position is 50 ms.
  EXPECT_NEAR(clip->position(t0 + 50ms), 0.05, 0.005);
}

TEST(ClipPlayer, SoundDeviceStartingLateJoinsThePictureInsteadOfFreezingIt) {
  auto clip = openClip("h264_aac_2s.mp4");
  ASSERT_TRUE(clip);
  ASSERT_TRUE(waitForDecoder(*clip));
  std::this_thread::sleep_for(200ms);  // pre-roll the audio too
  const SteadyTime t0{};
  clip->start(t0);
  ASSERT_NE(clip->pick(t0).newFrame, nullptr);
  // The device asks for its first sound 60 ms after the first picture, heard 40 ms later still.
  ASSERT_NE(clip->pick(t0 + 60ms).newFrame, nullptr) << "the picture moves before any sound";
  std::vector<float> buffer(1024 * kOutputChannels, 0.0f);
  ASSERT_EQ(clip->readAudio(buffer.data(), 1024, t0 + 100ms), 1024);
  // The sound starts 0.1 s in, where the picture is, so the clock runs on without holding.
  EXPECT_NEAR(clip->position(t0 + 100ms), 0.1, 0.005);
  EXPECT_NEAR(clip->position(t0 + 120ms), 0.12, 0.005);
  EXPECT_EQ(clip->droppedFrames(), 0);
}

// Reads a clip's whole sound as the playlist does when another clip follows it.
int soundFramesBeforeTheNextClip(const std::string& name, bool endAtPicture) {
  auto clip = openClip(name);
  if (!clip || !waitForDecoder(*clip)) return -1;
  clip->start(SteadyTime{});
  std::vector<float> buffer(3 * kOutputSampleRate * kOutputChannels);
  return test::readAudioFully(*clip, buffer.data(), 3 * kOutputSampleRate, SteadyTime{}, endAtPicture);
}

TEST(ClipPlayer, SoundRunningPastThePictureIsCutWhereTheNextClipStarts) {
  // 1.4 s of sound under 1 s of picture: the next clip must not wait 0.4 s for it.
  EXPECT_NEAR(soundFramesBeforeTheNextClip("long_sound.mp4", true), kOutputSampleRate, kOutputSampleRate / 100);
  EXPECT_GT(soundFramesBeforeTheNextClip("long_sound.mp4", false), kOutputSampleRate * 13 / 10)
      << "played alone, the whole soundtrack is heard";
}

TEST(ClipPlayer, SoundEndingBeforeThePictureIsFollowedBySilenceUntilThePictureEnds) {
  // 0.6 s of sound under 1 s of picture: the next clip's sound (and clock) must start with its
  // picture, not 0.4 s early, which would make it drop its first frames to catch up.
  EXPECT_NEAR(soundFramesBeforeTheNextClip("short_sound.mp4", true), kOutputSampleRate, kOutputSampleRate / 100);
}

TEST(ClipPlayer, PausedClipHoldsItsPictureAndSound) {
  auto clip = openClip("h264_aac_2s.mp4");
  ASSERT_TRUE(clip);
  ASSERT_TRUE(waitForDecoder(*clip));
  const SteadyTime t0{};
  clip->start(t0);
  ASSERT_NE(clip->pick(t0).newFrame, nullptr);
  clip->setPaused(true, t0 + 10ms);
  auto pick = clip->pick(t0 + 5s);
  EXPECT_EQ(pick.newFrame, nullptr);
  EXPECT_EQ(pick.nextDue, SteadyTime::max());
  std::vector<float> buffer(1024 * kOutputChannels);
  EXPECT_EQ(clip->readAudio(buffer.data(), 1024, t0 + 5s), 0);
  // Resumed, it carries on from where it stopped, not from where the wall clock went.
  clip->setPaused(false, t0 + 5s);
  EXPECT_NEAR(clip->position(t0 + 5s + 20ms), 0.03, 0.005);
}

TEST(ClipPlayer, WithoutAudioDecodingTheClipStillPlays) {
  auto clip = openClip("h264_aac_2s.mp4", /*audio=*/false);
  ASSERT_TRUE(clip);
  EXPECT_FALSE(clip->hasAudio());
  ASSERT_TRUE(waitForDecoder(*clip));
  const SteadyTime t0{};
  clip->start(t0);
  EXPECT_NE(clip->pick(t0).newFrame, nullptr);
}

TEST(ClipPlayer, TimestampJumpDoesNotFreezeThePicture) {
  auto clip = openClip("timestamp_jump.mkv");
  ASSERT_TRUE(clip);
  // 10 ms steps for 3 s, not the minute the timestamps claim.
  const auto played = test::playFromStart(*clip, 0.01, 3.0);
  EXPECT_TRUE(played.finished) << "still waiting for the far-away timestamp";
  EXPECT_EQ(played.shownAt.size(), 30u);
  double lastShownAt = 0.0;
  for (double at : played.shownAt) {
    EXPECT_LT(at - lastShownAt, 0.2) << "the picture froze";
    lastShownAt = at;
  }
}

TEST(ClipPlayer, TimestampLeapBackDoesNotDropThePicturesAfterIt) {
  auto clip = openClip("timestamp_back.ts");
  ASSERT_TRUE(clip);
  const auto played = test::playFromStart(*clip, 0.01, 3.0);
  EXPECT_TRUE(played.finished);
  const auto& shownAt = played.shownAt;
  ASSERT_EQ(shownAt.size(), 30u) << "pictures after the leap back were dropped as late";
  EXPECT_EQ(clip->droppedFrames(), 0);
  // Shown at the clip's own pace throughout, the leap included: a frame every 1/30 s.
  for (std::size_t i = 1; i < shownAt.size(); ++i) EXPECT_NEAR(shownAt[i] - shownAt[i - 1], 1.0 / 30.0, 0.011);
}

TEST(ClipPlayer, StillHeldForItsDeclaredDurationIsNotTakenForALeap) {
  auto clip = openClip("still_hold.mp4");
  ASSERT_TRUE(clip);
  const auto played = test::playFromStart(*clip, 0.01, 5.0);
  EXPECT_TRUE(played.finished);
  const auto& shownAt = played.shownAt;
  ASSERT_EQ(shownAt.size(), 30u);
  // The 15th picture stays up for the 2.03 s the file gives it; the others for a frame each.
  for (std::size_t i = 1; i < shownAt.size(); ++i) {
    EXPECT_NEAR(shownAt[i] - shownAt[i - 1], i == 15 ? 2.0 + 1.0 / 30.0 : 1.0 / 30.0, 0.011) << "picture " << i;
  }
}

class TimestampLeapWithSound : public testing::TestWithParam<const char*> {};

TEST_P(TimestampLeapWithSound, PictureKeepsMovingWithTheSound) {
  auto clip = openClip(GetParam());
  ASSERT_TRUE(clip);
  ASSERT_TRUE(clip->hasAudio());
  ASSERT_TRUE(waitForDecoder(*clip));
  std::this_thread::sleep_for(200ms);
  const SteadyTime t0{};
  clip->start(t0);
  // A sound device pulling 10 ms at a time, heard at once, and a screen looking every 10 ms.
  std::vector<float> sound(480 * kOutputChannels);
  int shown = 0;
  double lastShownAt = 0.0;
  bool finished = false;
  for (int step = 0; step < 300 && !finished; ++step) {
    const double now = step * 0.01;
    test::readAudioFully(*clip, sound.data(), 480, t0 + seconds(now));
    ASSERT_TRUE(waitForDecoder(*clip));
    auto pick = clip->pick(t0 + seconds(now));
    if (pick.newFrame) {
      ++shown;
      EXPECT_LT(now - lastShownAt, 0.1) << "the picture froze at " << now << " s";
      lastShownAt = now;
    }
    finished = pick.finished;
  }
  EXPECT_TRUE(finished) << "still waiting for the far-away timestamp";
  EXPECT_GE(shown, 28);
  EXPECT_LE(clip->droppedFrames(), 2);
}

// Picture and sound leap together (a camera clock reset), or only the picture does.
INSTANTIATE_TEST_SUITE_P(ClipPlayer, TimestampLeapWithSound,
                         testing::Values("timestamp_jump_sound.mkv", "picture_leap_sound.mkv"));

TEST(ClipPlayer, SeekShowsThePictureAtTheTargetAndPlaysOnFromThere) {
  auto clip = openClip("h264_aac_2s.mp4");
  ASSERT_TRUE(clip);
  ASSERT_TRUE(waitForDecoder(*clip));
  const SteadyTime t0{};
  clip->start(t0);
  ASSERT_NE(clip->pick(t0).newFrame, nullptr);
  ASSERT_TRUE(clip->seek(1.0).ok());
  ASSERT_TRUE(waitForDecoder(*clip));
  const SteadyTime t1 = t0 + 100ms;
  auto pick = clip->pick(t1);
  ASSERT_NE(pick.newFrame, nullptr);
  EXPECT_NEAR(test::framePts(*clip, pick.newFrame), 1.0, 0.034);
  // The sound comes from the new place too.
  std::vector<float> sound(1024 * kOutputChannels);
  ASSERT_EQ(test::readAudioFully(*clip, sound.data(), 1024, t1), 1024);
  EXPECT_NEAR(clip->position(t1 + 10ms), 1.01, 0.03);
  int shown = 1;  // the picture at the target came above
  const bool finished = test::playToEnd(*clip, t1, 1.0 / 30.0, 2.0, [&](double, const AVFrame*) { ++shown; });
  EXPECT_TRUE(finished);
  EXPECT_NEAR(shown, 30, 2) << "the second half of a 2 s clip is 30 frames";
}

TEST(ClipPlayer, SeekWhilePausedShowsTheTargetAndStaysPaused) {
  auto clip = openClip("noaudio_1s.mp4");
  ASSERT_TRUE(clip);
  ASSERT_TRUE(waitForDecoder(*clip));
  const SteadyTime t0{};
  clip->start(t0);
  clip->pick(t0);
  clip->setPaused(true, t0);
  ASSERT_TRUE(clip->seek(0.5).ok());
  ASSERT_TRUE(waitForDecoder(*clip));
  auto pick = clip->pick(t0 + 1s);
  ASSERT_NE(pick.newFrame, nullptr);
  EXPECT_NEAR(test::framePts(*clip, pick.newFrame), 0.5, 0.034);
  EXPECT_EQ(clip->pick(t0 + 3s).newFrame, nullptr) << "a paused clip moved on";
}

TEST(ClipPlayer, SeekAfterTheEndPlaysAgain) {
  auto clip = openClip("noaudio_1s.mp4");
  ASSERT_TRUE(clip);
  ASSERT_TRUE(waitForDecoder(*clip));
  const SteadyTime t0{};
  clip->start(t0);
  const bool finished = test::playToEnd(*clip, t0, 1.0 / 30.0, 3.0, [](double, const AVFrame*) {});
  ASSERT_TRUE(finished);
  ASSERT_TRUE(clip->seek(0.0).ok());
  ASSERT_TRUE(waitForDecoder(*clip));
  auto pick = clip->pick(t0 + 10s);
  ASSERT_NE(pick.newFrame, nullptr);
  EXPECT_NEAR(test::framePts(*clip, pick.newFrame), 0.0, 0.001);
}

TEST(ClipPlayer, HardwareDecodingThatIsNotThereFallsBackToSoftware) {
  // This test machine has no GPU and no V4L2 decoder: every hardware choice must still play.
  for (HardwareDecode mode : {HardwareDecode::Auto, HardwareDecode::Vaapi, HardwareDecode::Drm, HardwareDecode::V4l2m2m}) {
    ClipOptions options;
    options.hardware = mode;
    auto clip = ClipPlayer::open(test::testMedia("noaudio_1s.mp4").string(), options);
    ASSERT_TRUE(clip) << hardwareDecodeName(mode) << ": " << clip.error().text();
    ASSERT_TRUE(waitForDecoder(*clip.value()));
    const SteadyTime t0{};
    clip.value()->start(t0);
    EXPECT_NE(clip.value()->pick(t0).newFrame, nullptr) << hardwareDecodeName(mode);
    if (clip.value()->decoderDescription().find("hardware") == std::string::npos) {
      EXPECT_EQ(clip.value()->decoderDescription(), "h264 (software)");
    }
  }
}

TEST(HardwareDecode, SettingNamesRoundTripAndNonsenseIsRefused) {
  for (HardwareDecode mode : {HardwareDecode::Off, HardwareDecode::Auto, HardwareDecode::Vaapi, HardwareDecode::Drm,
                              HardwareDecode::V4l2m2m}) {
    auto parsed = parseHardwareDecode(hardwareDecodeName(mode));
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed.value(), mode);
  }
  auto bad = parseHardwareDecode("cuda");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().text().find("cuda"), std::string::npos);
}

TEST(ClipPlayer, RefusesAFileItCannotOpenWithItsName) {
  auto clip = ClipPlayer::open(test::testMedia("corrupt.mp4").string(), ClipOptions{});
  ASSERT_FALSE(clip);
  EXPECT_NE(clip.error().text().find("corrupt.mp4"), std::string::npos);
}

}  // namespace
}  // namespace etalase::media

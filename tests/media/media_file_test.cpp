// MediaFile: stream selection, geometry and rotation, and clear errors for files that cannot play.
#include "media/media_file.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace etalase::media {
namespace {

using namespace std::chrono_literals;

Result<MediaFile> openClip(const std::string& name) {
  return MediaFile::open(test::testMedia(name).string(), 3000ms);
}

TEST(MediaFile, FindsVideoAndAudioOfAnOrdinaryClip) {
  auto file = openClip("h264_aac_2s.mp4");
  ASSERT_TRUE(file) << file.error().text();
  const StreamInfo& info = file.value().info();
  EXPECT_GE(info.videoStream, 0);
  EXPECT_GE(info.audioStream, 0);
  EXPECT_EQ(info.geometry.codedWidth, 320);
  EXPECT_EQ(info.geometry.codedHeight, 240);
  EXPECT_EQ(info.geometry.rotationDegrees, 0);
  EXPECT_NEAR(info.frameRate, 30.0, 0.01);
  EXPECT_NEAR(info.durationSeconds, 2.0, 0.1);
}

TEST(MediaFile, ClipWithoutSoundHasNoAudioStream) {
  auto file = openClip("noaudio_1s.mp4");
  ASSERT_TRUE(file) << file.error().text();
  EXPECT_EQ(file.value().info().audioStream, -1);
}

TEST(MediaFile, PhoneClipIsTurnedUprightByItsDisplayMatrix) {
  auto file = openClip("rotated_90.mp4");
  ASSERT_TRUE(file) << file.error().text();
  const VideoGeometry& g = file.value().info().geometry;
  EXPECT_EQ(g.codedWidth, 320);
  EXPECT_EQ(g.codedHeight, 180);
  EXPECT_EQ(g.rotationDegrees, 90);
  EXPECT_DOUBLE_EQ(g.displayWidth(), 180.0);
  EXPECT_DOUBLE_EQ(g.displayHeight(), 320.0);
}

TEST(MediaFile, NonSquarePixelsWidenTheDisplaySize) {
  VideoGeometry g;
  g.codedWidth = 720;
  g.codedHeight = 576;
  g.sampleAspect = {64, 45};
  EXPECT_NEAR(g.displayWidth(), 1024.0, 0.5);
  EXPECT_DOUBLE_EQ(g.displayHeight(), 576.0);
}

TEST(MediaFile, GarbageFileFailsNamingTheFile) {
  auto file = openClip("corrupt.mp4");
  ASSERT_FALSE(file);
  EXPECT_NE(file.error().where.find("corrupt.mp4"), std::string::npos);
  EXPECT_FALSE(file.error().what.empty());
}

TEST(MediaFile, TruncatedFileFailsNamingTheFile) {
  auto file = openClip("truncated.mp4");
  ASSERT_FALSE(file);
  EXPECT_NE(file.error().text().find("truncated.mp4"), std::string::npos);
}

TEST(MediaFile, MissingFileFailsNamingTheFile) {
  auto file = openClip("no-such-file.mp4");
  ASSERT_FALSE(file);
  EXPECT_NE(file.error().text().find("no-such-file.mp4"), std::string::npos);
}

TEST(MediaFile, SoundOnlyFileIsRefusedAsHavingNoPicture) {
  auto file = openClip("audio_only.m4a");
  ASSERT_FALSE(file);
  EXPECT_EQ(file.error().what, "no video stream");
}

}  // namespace
}  // namespace etalase::media

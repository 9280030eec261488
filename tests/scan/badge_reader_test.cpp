// Badges read by camera: a video file stands in for the camera (--camera FILE), as on a stand.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "kiosk/leads/card_parser.h"
#include "kiosk/scan/badge_reader.h"
#include "kiosk/scan/qr_reader.h"
#include "test_support.h"

namespace etalase::kiosk {
namespace {

using namespace std::chrono_literals;

std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The first code the reader gives within `limit`, or nothing.
std::optional<std::string> firstCode(BadgeReader& reader, std::chrono::milliseconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    if (auto code = reader.takeCode()) return code;
    std::this_thread::sleep_for(20ms);
  }
  return std::nullopt;
}

// The clips show 1 s of empty scene, then the code for 3 s; under valgrind or the sanitizers the
// machine is slower, so the wait is generous (the file loops, so the code comes back).
constexpr auto kPatience = 20s;

TEST(BadgeReader, ReadsTheBadgeHeldUpToTheCameraByteForByte) {
  BadgeReader reader(test::testMedia("badge_camera.mp4").string());
  const auto code = firstCode(reader, kPatience);
  ASSERT_TRUE(code.has_value()) << "no code read from " << reader.picturesScanned() << " pictures";
  // Exactly the card's bytes: "Müller" stays UTF-8 (zbar's own charset guess turns it into Chinese).
  EXPECT_EQ(*code, readFile(test::testMedia("badge.vcf")));
  auto card = parseCard(*code);
  ASSERT_TRUE(card.ok()) << card.error().text();
  EXPECT_EQ(card.value().name, "Anna Müller");
  EXPECT_EQ(card.value().company, "Feinkost Müller GmbH");
  ASSERT_FALSE(card.value().phones.empty());
  EXPECT_EQ(card.value().phones.front(), "+49 30 1234567");
}

TEST(BadgeReader, GivesTheSameBadgeOnceWhileItIsHeldUp) {
  BadgeReader reader(test::testMedia("badge_camera.mp4").string());
  ASSERT_TRUE(firstCode(reader, kPatience).has_value());
  // The badge stays in front of the camera for seconds more: no second copy of it.
  const long scannedBefore = reader.picturesScanned();
  const auto again = firstCode(reader, 1500ms);
  EXPECT_FALSE(again.has_value());
  EXPECT_GT(reader.picturesScanned(), scannedBefore) << "the reader stopped reading instead";
}

TEST(BadgeReader, ReadsACodeThatIsNotAContactCardForTheScreenToRefuse) {
  BadgeReader reader(test::testMedia("url_camera.mp4").string());
  const auto code = firstCode(reader, kPatience);
  ASSERT_TRUE(code.has_value());
  EXPECT_EQ(*code, "https://example.com/expo-map");
  EXPECT_FALSE(parseCard(*code).ok());
}

TEST(BadgeReader, ReadsNothingWhereNoCodeIsShown) {
  // The product clip has no code in it: pictures are read, and nothing is found.
  BadgeReader reader(test::testMedia("h264_aac_2s.mp4").string());
  EXPECT_FALSE(firstCode(reader, 1500ms).has_value());
  EXPECT_GT(reader.picturesScanned(), 0);
}

TEST(CameraSource, AMissingCameraFailsWithItsNameAndAReason) {
  media::CameraSource camera("/dev/video-none-here", nullptr);
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (camera.state() == media::CameraSource::State::Opening && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(10ms);
  }
  ASSERT_EQ(camera.state(), media::CameraSource::State::Failed);
  const auto failure = camera.failure();
  ASSERT_TRUE(failure.has_value());
  EXPECT_NE(failure->text().find("/dev/video-none-here"), std::string::npos) << failure->text();
  EXPECT_FALSE(failure->what.empty());
}

TEST(CameraSource, ABrokenFileFailsInsteadOfShowingNothing) {
  media::CameraSource camera(test::testMedia("corrupt.mp4").string(), nullptr);
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (camera.state() == media::CameraSource::State::Opening && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(10ms);
  }
  EXPECT_EQ(camera.state(), media::CameraSource::State::Failed);
}

TEST(CameraSource, GivesPicturesAtMost640WideInColourAndLoopsAFile) {
  // A 1 s clip played for 2.5 s: the file starts again, as a camera never ends.
  media::CameraSource camera(test::testMedia("noaudio_1s.mp4").string(), nullptr, {.maxWidth = 160});
  std::optional<media::CameraPicture> picture;
  const auto until = std::chrono::steady_clock::now() + 2500ms;
  while (std::chrono::steady_clock::now() < until) {
    if (auto next = camera.takePicture()) picture = std::move(next);
    std::this_thread::sleep_for(20ms);
  }
  ASSERT_TRUE(picture.has_value());
  EXPECT_EQ(picture->width, 160);
  EXPECT_EQ(picture->height, 120);
  EXPECT_EQ(picture->rgba.size(), 160u * 120u * 4u);
  EXPECT_EQ(camera.state(), media::CameraSource::State::Running);
  EXPECT_GT(camera.picturesSeen(), 40) << "30 fps for 2.5 s, with the loop";
}

TEST(CameraSource, StopsAtOnceEvenWhileOpening) {
  const auto start = std::chrono::steady_clock::now();
  { media::CameraSource camera(test::testMedia("badge_camera.mp4").string(), nullptr); }
  EXPECT_LT(std::chrono::steady_clock::now() - start, 3s);
}

TEST(QrReader, ReadsNothingFromAnEmptyOrBlankPicture) {
  QrReader reader;
  EXPECT_TRUE(reader.read({}).empty());
  std::vector<std::uint8_t> white(64 * 48, 255);
  EXPECT_TRUE(reader.read({64, 48, 64, white.data()}).empty());
}

}  // namespace
}  // namespace etalase::kiosk

// Posters for the product grid: representative (not the black opening), made once and kept,
// made again when the video changes, and still given when the cache cannot be written.
#include "media/poster_cache.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <cstdio>
#include <cstring>
#include <thread>

#include "media/still_image.h"
#include "test_support.h"

namespace etalase::media {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

double meanBrightness(const AVFrame* rgba) {
  double sum = 0.0;
  for (int y = 0; y < rgba->height; ++y) {
    const uint8_t* row = rgba->data[0] + y * rgba->linesize[0];
    for (int x = 0; x < rgba->width; ++x) sum += (row[4 * x] + row[4 * x + 1] + row[4 * x + 2]) / 3.0;
  }
  return sum / (rgba->width * rgba->height);
}

int entries(const fs::path& dir) {
  int n = 0;
  std::error_code ec;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir, ec)) ++n;
  return n;
}

TEST(Poster, PassesOverABlackOpening) {
  auto first = loadStillImage(test::testMedia("black_opening.mp4").string(), 160, 160);
  ASSERT_TRUE(first);
  EXPECT_LT(meanBrightness(first.value().get()), 5.0) << "the clip should open on black";
  auto poster = makePoster(test::testMedia("black_opening.mp4").string(), 160, 160);
  ASSERT_TRUE(poster) << poster.error().text();
  EXPECT_GT(meanBrightness(poster.value().get()), 40.0);
}

TEST(Poster, PhoneClipPosterIsUprightPortrait) {
  auto poster = makePoster(test::testMedia("rotated_90.mp4").string(), 400, 400);
  ASSERT_TRUE(poster) << poster.error().text();
  EXPECT_LT(poster.value()->width, poster.value()->height);
}

TEST(PosterCache, MadeOnceThenReadFromDisk) {
  const fs::path dir = test::freshTempDirectory("posters");
  const fs::path video = dir / "clip.mp4";
  fs::copy_file(test::testMedia("noaudio_1s.mp4"), video);
  PosterCache cache(dir / "cache");
  auto made = cache.poster(video.string(), 200, 200);
  ASSERT_TRUE(made) << made.error().text();
  ASSERT_TRUE(fs::exists(cache.entryFor(video.string(), 200, 200)));
  EXPECT_EQ(entries(dir / "cache"), 1);
  // Break the video: a poster that still comes back can only have come from the cache.
  const auto stamp = fs::last_write_time(video);
  {
    std::FILE* f = std::fopen(video.c_str(), "r+b");
    ASSERT_NE(f, nullptr);
    std::fputs("garbage!", f);
    std::fclose(f);
  }
  fs::last_write_time(video, stamp);  // same size, same time: the cache cannot tell
  auto cached = cache.poster(video.string(), 200, 200);
  ASSERT_TRUE(cached) << "not read from the cache: " << cached.error().text();
  EXPECT_EQ(cached.value()->width, made.value()->width);
  EXPECT_EQ(std::memcmp(cached.value()->data[0], made.value()->data[0], static_cast<std::size_t>(made.value()->width) * 4), 0);
}

TEST(PosterCache, ANewVersionOfTheVideoGetsANewPoster) {
  const fs::path dir = test::freshTempDirectory("posters-changed");
  const fs::path video = dir / "clip.mp4";
  fs::copy_file(test::testMedia("noaudio_1s.mp4"), video);
  PosterCache cache(dir / "cache");
  ASSERT_TRUE(cache.poster(video.string(), 200, 200));
  const fs::path before = cache.entryFor(video.string(), 200, 200);
  // The producer brings a new cut of the video: different content, later time.
  fs::copy_file(test::testMedia("rotated_90.mp4"), video, fs::copy_options::overwrite_existing);
  fs::last_write_time(video, fs::last_write_time(video) + 5s);
  EXPECT_NE(cache.entryFor(video.string(), 200, 200), before);
  auto fresh = cache.poster(video.string(), 200, 200);
  ASSERT_TRUE(fresh);
  EXPECT_LT(fresh.value()->width, fresh.value()->height) << "still the old poster";
}

TEST(PosterCache, UnwritableCacheStillGivesThePoster) {
  PosterCache cache("/proc/etalase-cannot-write-here");
  auto poster = cache.poster(test::testMedia("noaudio_1s.mp4").string(), 100, 100);
  ASSERT_TRUE(poster) << poster.error().text();
  EXPECT_EQ(poster.value()->width, 100);
}

TEST(PosterCache, BrokenVideoIsAnErrorNamingIt) {
  PosterCache cache(test::freshTempDirectory("posters-broken"));
  auto poster = cache.poster(test::testMedia("corrupt.mp4").string(), 100, 100);
  ASSERT_FALSE(poster);
  EXPECT_NE(poster.error().text().find("corrupt.mp4"), std::string::npos);
}

}  // namespace
}  // namespace etalase::media

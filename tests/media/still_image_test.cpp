// Still pictures for product tiles: scaled to fit, upright, and clear errors.
#include "media/still_image.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace etalase::media {
namespace {

uint32_t pixelAt(const AVFrame* f, int x, int y) {
  return reinterpret_cast<const uint32_t*>(f->data[0] + y * f->linesize[0])[x];
}

TEST(StillImage, PhotoIsScaledToFitKeepingItsShape) {
  auto image = loadStillImage(test::testMedia("photo.jpg").string(), 200, 200);
  ASSERT_TRUE(image) << image.error().text();
  EXPECT_EQ(image.value()->format, AV_PIX_FMT_RGBA);
  EXPECT_EQ(image.value()->width, 200);
  EXPECT_EQ(image.value()->height, 150);
}

TEST(StillImage, SmallPictureIsNotEnlarged) {
  auto image = loadStillImage(test::testMedia("photo.jpg").string(), 4000, 4000);
  ASSERT_TRUE(image);
  EXPECT_EQ(image.value()->width, 400);
}

TEST(StillImage, PhoneVideoFrameComesOutUpright) {
  auto image = loadStillImage(test::testMedia("rotated_90.mp4").string(), 1000, 1000);
  ASSERT_TRUE(image) << image.error().text();
  const AVFrame* f = image.value().get();
  ASSERT_EQ(f->width, 180);
  ASSERT_EQ(f->height, 320);
  // Upright, the top is red and the bottom blue (RGBA bytes: R first).
  const uint32_t top = pixelAt(f, 90, 40);
  const uint32_t bottom = pixelAt(f, 90, 280);
  EXPECT_GT(top & 0xFF, 200u);
  EXPECT_LT((top >> 16) & 0xFF, 60u);
  EXPECT_GT((bottom >> 16) & 0xFF, 200u);
  EXPECT_LT(bottom & 0xFF, 60u);
}

TEST(StillImage, GarbageFailsNamingTheFile) {
  auto image = loadStillImage(test::testMedia("corrupt.mp4").string(), 100, 100);
  ASSERT_FALSE(image);
  EXPECT_NE(image.error().text().find("corrupt.mp4"), std::string::npos);
}

}  // namespace
}  // namespace etalase::media

// Video placement: letterboxed into the area, upright when rotated, anamorphic widened, never
// stretched.
#include "platform/video_placement.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>

namespace etalase::platform {
namespace {

media::VideoGeometry geometry(int width, int height, AVRational sampleAspect = {1, 1},
                              int rotationDegrees = 0) {
  media::VideoGeometry result;
  result.codedWidth = width;
  result.codedHeight = height;
  result.sampleAspect = sampleAspect;
  result.rotationDegrees = rotationDegrees;
  return result;
}

// The shown picture keeps the display aspect ratio to within 1%.
testing::AssertionResult keepsAspect(const VideoPlacement& placement, double displayAspect) {
  if (placement.shownHeight <= 0) return testing::AssertionFailure() << "nothing shown";
  const double shown = static_cast<double>(placement.shownWidth) / placement.shownHeight;
  if (std::abs(shown / displayAspect - 1.0) <= 0.01) return testing::AssertionSuccess();
  return testing::AssertionFailure()
         << "shown " << placement.shownWidth << "x" << placement.shownHeight << " (" << shown
         << ") but the picture is " << displayAspect;
}

TEST(VideoPlacementTest, WidePictureIsLetterboxedIntoATallerArea) {
  const VideoPlacement placement = placeVideo(geometry(1920, 1080), SDL_Rect{0, 0, 1280, 1024});
  EXPECT_EQ(placement.shownWidth, 1280);
  EXPECT_EQ(placement.shownHeight, 720);
  EXPECT_EQ(placement.unrotated.x, 0);
  EXPECT_EQ(placement.unrotated.y, (1024 - 720) / 2);
  EXPECT_EQ(placement.unrotated.w, 1280);
  EXPECT_EQ(placement.unrotated.h, 720);
  EXPECT_EQ(placement.angle, 0.0);
}

TEST(VideoPlacementTest, TallPictureIsPillarboxedIntoAWideArea) {
  const VideoPlacement placement = placeVideo(geometry(1080, 1920), SDL_Rect{0, 0, 1920, 1080});
  EXPECT_EQ(placement.shownHeight, 1080);
  EXPECT_NEAR(placement.shownWidth, 1080.0 * 1080 / 1920, 2.0);
  EXPECT_EQ(placement.unrotated.y, 0);
  EXPECT_EQ(placement.unrotated.x + placement.unrotated.w / 2, 1920 / 2);
}

TEST(VideoPlacementTest, RotatedPhoneVideoIsShownUpright) {
  const SDL_Rect area{0, 0, 1280, 720};
  const VideoPlacement placement = placeVideo(geometry(1280, 720, {1, 1}, 90), area);
  EXPECT_EQ(placement.angle, 90.0);
  EXPECT_EQ(placement.shownHeight, 720);
  EXPECT_NEAR(placement.shownWidth, 720.0 * 720 / 1280, 2.0);  // about 405
  EXPECT_EQ(placement.shownWidth % 2, 0);
  // Drawn sideways, then turned a quarter about the area's centre.
  EXPECT_EQ(placement.unrotated.w, placement.shownHeight);
  EXPECT_EQ(placement.unrotated.h, placement.shownWidth);
  EXPECT_EQ(placement.unrotated.x + placement.unrotated.w / 2, area.x + area.w / 2);
  EXPECT_EQ(placement.unrotated.y + placement.unrotated.h / 2, area.y + area.h / 2);
}

TEST(VideoPlacementTest, UpsideDownVideoKeepsItsShape) {
  const VideoPlacement placement =
      placeVideo(geometry(1280, 720, {1, 1}, 180), SDL_Rect{0, 0, 1280, 720});
  EXPECT_EQ(placement.angle, 180.0);
  EXPECT_EQ(placement.shownWidth, 1280);
  EXPECT_EQ(placement.shownHeight, 720);
  EXPECT_EQ(placement.unrotated.w, 1280);
  EXPECT_EQ(placement.unrotated.h, 720);
}

TEST(VideoPlacementTest, AnamorphicPalWidescreenIsShownWide) {
  const media::VideoGeometry pal = geometry(720, 576, {16, 11});
  const VideoPlacement placement = placeVideo(pal, SDL_Rect{0, 0, 1920, 1080});
  EXPECT_GT(placement.shownWidth, placement.shownHeight);
  EXPECT_TRUE(keepsAspect(placement, 720.0 * 16 / 11 / 576));
}

TEST(VideoPlacementTest, AreaOffsetIsRespected) {
  const VideoPlacement placement = placeVideo(geometry(1920, 1080), SDL_Rect{100, 50, 1280, 1024});
  EXPECT_EQ(placement.unrotated.x, 100);
  EXPECT_EQ(placement.unrotated.y, 50 + (1024 - 720) / 2);
  EXPECT_EQ(placement.unrotated.w, 1280);
  EXPECT_EQ(placement.unrotated.h, 720);
}

TEST(VideoPlacementTest, ZeroSizePictureGivesAnEmptyPlacement) {
  const VideoPlacement placement = placeVideo(geometry(0, 0), SDL_Rect{0, 0, 1280, 720});
  EXPECT_EQ(placement.shownWidth, 0);
  EXPECT_EQ(placement.shownHeight, 0);
  EXPECT_EQ(placement.unrotated.w, 0);
  EXPECT_EQ(placement.unrotated.h, 0);
}

TEST(VideoPlacementTest, ZeroWidthAreaGivesAnEmptyPlacement) {
  const VideoPlacement placement = placeVideo(geometry(1920, 1080), SDL_Rect{0, 0, 0, 720});
  EXPECT_EQ(placement.shownWidth, 0);
  EXPECT_EQ(placement.shownHeight, 0);
  EXPECT_EQ(placement.unrotated.w, 0);
  EXPECT_EQ(placement.unrotated.h, 0);
}

TEST(VideoPlacementTest, NeverStretchedAndAlwaysInsideTheArea) {
  struct Case {
    media::VideoGeometry geometry;
    SDL_Rect area;
  };
  const Case cases[] = {
      {geometry(1920, 1080), {0, 0, 1280, 1024}},
      {geometry(1920, 1080), {0, 0, 1366, 768}},
      {geometry(1080, 1920), {0, 0, 1920, 1080}},
      {geometry(640, 480), {0, 0, 1920, 1080}},
      {geometry(1280, 720, {1, 1}, 90), {0, 0, 1280, 720}},
      {geometry(1280, 720, {1, 1}, 270), {10, 20, 800, 1280}},
      {geometry(720, 576, {16, 11}), {0, 0, 1280, 720}},
      {geometry(720, 576, {16, 11}, 90), {0, 0, 1080, 1920}},
      {geometry(720, 480, {0, 1}), {0, 0, 1280, 720}},  // 0/1: square pixels
      {geometry(3840, 2160), {0, 0, 640, 480}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(testing::Message()
                 << c.geometry.codedWidth << "x" << c.geometry.codedHeight << " rotated "
                 << c.geometry.rotationDegrees << " into " << c.area.w << "x" << c.area.h);
    const VideoPlacement placement = placeVideo(c.geometry, c.area);
    EXPECT_TRUE(keepsAspect(placement, c.geometry.displayWidth() / c.geometry.displayHeight()));
    EXPECT_LE(placement.shownWidth, c.area.w);
    EXPECT_LE(placement.shownHeight, c.area.h);
    // Fills the area in at least one direction (within the rounding to even sizes).
    EXPECT_TRUE(placement.shownWidth >= c.area.w - 2 || placement.shownHeight >= c.area.h - 2);
    // The picture as seen is centred in the area.
    const int centreX = placement.unrotated.x + placement.unrotated.w / 2;
    const int centreY = placement.unrotated.y + placement.unrotated.h / 2;
    EXPECT_EQ(centreX, c.area.x + c.area.w / 2);
    EXPECT_EQ(centreY, c.area.y + c.area.h / 2);
    EXPECT_GE(centreX - placement.shownWidth / 2, c.area.x);
    EXPECT_GE(centreY - placement.shownHeight / 2, c.area.y);
  }
}

}  // namespace
}  // namespace etalase::platform

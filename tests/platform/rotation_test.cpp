// A stand's panel mounted upright shows the picture turned; a finger on the panel lands on the
// same spot of the turned picture.
#include <gtest/gtest.h>

#include "platform/display.h"
#include "platform/sdl_session.h"

namespace etalase::platform {
namespace {

// The window is 800x480 (a 7" panel); the picture is 480x800 when turned a quarter.
constexpr SDL_Point kWindow{800, 480};

TEST(Rotation, AFingerOnThePanelLandsOnTheSameSpotOfTheTurnedPicture) {
  // The picture's top-left corner, turned 90 degrees clockwise, is at the panel's top right.
  const SDL_FPoint topLeft = windowToPicture({799.0f, 0.0f}, kWindow, 90);
  EXPECT_NEAR(topLeft.x, 0.0f, 1.0f);
  EXPECT_NEAR(topLeft.y, 1.0f, 1.0f);
  // ...and its bottom-left at the panel's top left.
  const SDL_FPoint bottomLeft = windowToPicture({0.0f, 0.0f}, kWindow, 90);
  EXPECT_NEAR(bottomLeft.x, 0.0f, 1.0f);
  EXPECT_NEAR(bottomLeft.y, 800.0f, 1.0f);
  // Turned 270 degrees, the picture's top-left corner is at the panel's bottom left.
  const SDL_FPoint topLeft270 = windowToPicture({0.0f, 479.0f}, kWindow, 270);
  EXPECT_NEAR(topLeft270.x, 1.0f, 1.0f);
  EXPECT_NEAR(topLeft270.y, 0.0f, 1.0f);
  // Upside down, corners swap across.
  const SDL_FPoint upsideDown = windowToPicture({10.0f, 20.0f}, kWindow, 180);
  EXPECT_FLOAT_EQ(upsideDown.x, 790.0f);
  EXPECT_FLOAT_EQ(upsideDown.y, 460.0f);
  const SDL_FPoint straight = windowToPicture({10.0f, 20.0f}, kWindow, 0);
  EXPECT_FLOAT_EQ(straight.x, 10.0f);
  EXPECT_FLOAT_EQ(straight.y, 20.0f);
}

// Draws a red mark at the picture's top-left corner and reads the panel back.
uint32_t panelPixelAt(int rotation, SDL_Point panelPoint) {
  DisplayOptions options;
  options.width = kWindow.x;
  options.height = kWindow.y;
  options.renderer = RendererChoice::Software;
  options.rotation = rotation;
  auto display = Display::open(options);
  if (!display) return 0xDEAD;
  display.value().beginFrame();
  SDL_Renderer* renderer = display.value().renderer();
  SDL_SetRenderDrawColor(renderer, 0, 0, 0, 255);
  SDL_RenderClear(renderer);
  SDL_SetRenderDrawColor(renderer, 255, 0, 0, 255);
  const SDL_Rect mark{0, 0, 40, 40};
  SDL_RenderFillRect(renderer, &mark);
  display.value().present();
  const auto pixels = display.value().readPixels();
  return pixels.at(static_cast<std::size_t>(panelPoint.y) * kWindow.x + panelPoint.x);
}

TEST(Rotation, ThePictureIsTurnedOnThePanelByTheRenderer) {
  SdlSession sdl;
  ASSERT_TRUE(sdl.ok()) << sdl.error();
  {
    DisplayOptions options;
    options.width = kWindow.x;
    options.height = kWindow.y;
    options.renderer = RendererChoice::Software;
    options.rotation = 90;
    auto display = Display::open(options);
    ASSERT_TRUE(display) << display.error().text();
    EXPECT_EQ(display.value().outputSize().x, 480) << "the kiosk lays out a portrait picture";
    EXPECT_EQ(display.value().outputSize().y, 800);
    EXPECT_EQ(display.value().panelSize().x, 800);
    display.value().beginFrame();
    EXPECT_EQ(display.value().outputSize().x, 480) << "the same while a frame is drawn into the canvas";
    EXPECT_EQ(display.value().panelSize().x, 800);
    display.value().present();
  }
  constexpr uint32_t kRed = 0xFF0000;
  EXPECT_EQ(panelPixelAt(0, {10, 10}), kRed);
  EXPECT_EQ(panelPixelAt(90, {789, 10}), kRed) << "turned clockwise: top left goes to top right";
  EXPECT_NE(panelPixelAt(90, {10, 10}), kRed);
  EXPECT_EQ(panelPixelAt(180, {789, 469}), kRed);
  EXPECT_EQ(panelPixelAt(270, {10, 469}), kRed) << "turned anticlockwise: top left goes to bottom left";
}

}  // namespace
}  // namespace etalase::platform

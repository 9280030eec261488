// The kiosk as a visitor meets it, headless (SDL offscreen video, dummy audio): the demo pack's
// videos play, a tap opens the product grid, the idle timeout brings the videos back. Also the
// bad-input cases: no pack, and a playlist with a broken file.
#include <gtest/gtest.h>

#include <SDL.h>

#include <algorithm>
#include <cmath>
#include <functional>

#include "kiosk/app.h"
#include "kiosk/kiosk_driver.h"
#include "platform/sdl_session.h"
#include "test_support.h"

namespace etalase::kiosk {
namespace {

using namespace std::chrono_literals;

constexpr int kWidth = 640;
constexpr int kHeight = 360;

struct Picture {
  double meanLuma = 0.0;
  double lumaSpread = 0.0;  // standard deviation: a flat fill has none
  std::vector<uint32_t> pixels;
};

Picture look(const App& app) {
  Picture picture;
  picture.pixels = app.display().readPixels();
  double sum = 0.0, sumSquares = 0.0;
  for (uint32_t p : picture.pixels) {
    const double luma = 0.299 * ((p >> 16) & 0xFF) + 0.587 * ((p >> 8) & 0xFF) + 0.114 * (p & 0xFF);
    sum += luma;
    sumSquares += luma * luma;
  }
  const double n = std::max<double>(1.0, static_cast<double>(picture.pixels.size()));
  picture.meanLuma = sum / n;
  picture.lumaSpread = std::sqrt(std::max(0.0, sumSquares / n - picture.meanLuma * picture.meanLuma));
  return picture;
}

double fractionChanged(const Picture& a, const Picture& b) {
  if (a.pixels.size() != b.pixels.size() || a.pixels.empty()) return 0.0;
  std::size_t changed = 0;
  for (std::size_t i = 0; i < a.pixels.size(); ++i) changed += a.pixels[i] != b.pixels[i];
  return static_cast<double>(changed) / static_cast<double>(a.pixels.size());
}

using test::runFor;
using test::runUntil;
using test::slowdown;
using test::tap;

KioskOptions headlessOptions() {
  KioskOptions options;
  options.display.width = kWidth;
  options.display.height = kHeight;
  options.display.renderer = platform::RendererChoice::Software;
  return options;
}

class KioskEndToEnd : public ::testing::Test {
 protected:
  platform::SdlSession sdl;
};

TEST_F(KioskEndToEnd, DemoPackPlaysThenTapOpensGridThenIdleReturnsToVideos) {
  ASSERT_TRUE(sdl.ok()) << sdl.error();
  KioskOptions options = headlessOptions();
  options.pack = test::demoPack();
  options.idleTimeoutSeconds = 2.0 * slowdown();
  auto created = App::create(options);
  ASSERT_TRUE(created) << created.error().text();
  App& app = *created.value();
  ASSERT_EQ(app.screen(), ScreenId::Attract);

  // The attract loop shows real video: bright enough, with detail, and moving.
  ASSERT_TRUE(runUntil(app, 15s, [&] { return app.framesShown() >= 10; })) << "no video frames drawn";
  const Picture first = look(app);
  EXPECT_GT(first.meanLuma, 15.0) << "the screen is black";
  EXPECT_GT(first.lumaSpread, 8.0) << "the screen is a flat fill, not a video picture";
  const long framesBefore = app.framesShown();
  EXPECT_TRUE(runUntil(app, 700ms, [&] { return app.framesShown() > framesBefore + 5; })) << "video stalled";
  const Picture later = look(app);
  EXPECT_GT(fractionChanged(first, later), 0.02) << "the picture does not change over time";

  // A tap anywhere opens the product grid; the videos pause underneath.
  tap(0.5f, 0.5f);
  ASSERT_TRUE(runUntil(app, 2s, [&] { return app.screen() == ScreenId::Grid; }));
  runFor(app, 300ms);
  const Picture grid = look(app);
  const long framesInGrid = app.framesShown();
  // The grid's dark warm background fills the top-left corner (the title bar area).
  const uint32_t corner = grid.pixels.at(static_cast<std::size_t>(5 * kWidth + 5));
  EXPECT_NEAR(static_cast<int>((corner >> 16) & 0xFF), 31, 6);
  EXPECT_NEAR(static_cast<int>((corner >> 8) & 0xFF), 23, 6);
  EXPECT_NEAR(static_cast<int>(corner & 0xFF), 20, 6);
  EXPECT_GT(fractionChanged(later, grid), 0.3) << "the grid does not look different from the video";

  // A finger on the rightmost language button (top right, on the title's line) switches the
  // language: the touch path reaches ImGui's buttons.
  ASSERT_EQ(app.language(), "en");
  tap(0.95f, 0.07f);
  ASSERT_TRUE(runUntil(app, 2s, [&] { return app.language() != "en"; })) << "the language button did not answer";
  EXPECT_EQ(app.language(), "ms");
  EXPECT_EQ(app.screen(), ScreenId::Grid);
  runFor(app, 200ms);
  EXPECT_GT(fractionChanged(grid, look(app)), 0.0) << "the texts did not change language";

  // Left alone, it returns to the attract loop after the idle timeout, and video moves again.
  runFor(app, 1000ms);
  EXPECT_EQ(app.screen(), ScreenId::Grid) << "returned before the idle timeout";
  EXPECT_EQ(app.framesShown(), framesInGrid) << "video kept decoding under the grid";
  ASSERT_TRUE(runUntil(app, 3s, [&] { return app.screen() == ScreenId::Attract; }));
  EXPECT_EQ(app.language(), "en") << "the next visitor starts in the pack's default language";
  ASSERT_TRUE(runUntil(app, 5s, [&] { return app.framesShown() > framesInGrid + 5; }));
  const Picture back = look(app);
  EXPECT_GT(back.lumaSpread, 8.0);
  EXPECT_GT(fractionChanged(grid, back), 0.3);
}

TEST_F(KioskEndToEnd, ProductPagePlaysItsVideoInPlaceAndSwitchesLanguage) {
  ASSERT_TRUE(sdl.ok()) << sdl.error();
  KioskOptions options = headlessOptions();
  options.pack = test::demoPack();
  auto created = App::create(options);
  ASSERT_TRUE(created) << created.error().text();
  App& app = *created.value();
  ASSERT_TRUE(runUntil(app, 15s, [&] { return app.framesShown() >= 3; }));
  tap(0.5f, 0.5f);
  ASSERT_TRUE(runUntil(app, 2s, [&] { return app.screen() == ScreenId::Grid; }));
  test::settle(app);

  // The first tile (top left, under the header and the category chips) opens its product.
  tap(0.15f, 0.45f);
  ASSERT_TRUE(runUntil(app, 2s, [&] { return app.screen() == ScreenId::Product; })) << "the tile did not open";
  ASSERT_TRUE(runUntil(app, 10s, [&] { return app.productFramesShown() >= 10; })) << "no video on the product page";
  const Picture playing = look(app);
  // The video sits in the left part of the page, below the header: that area moves.
  runFor(app, 600ms);
  const Picture later = look(app);
  std::size_t changedLeft = 0, changedRight = 0;
  for (int y = kHeight / 4; y < kHeight / 2; ++y) {
    for (int x = 0; x < kWidth; ++x) {
      const std::size_t i = static_cast<std::size_t>(y * kWidth + x);
      if (playing.pixels[i] != later.pixels[i]) (x < kWidth / 2 ? changedLeft : changedRight)++;
    }
  }
  EXPECT_GT(changedLeft, 2000u) << "the product video does not move";
  EXPECT_LT(changedRight, changedLeft / 10) << "the facts column should stand still";

  // Language switch on the product page (top right), then Back (top left) to the grid.
  ASSERT_EQ(app.language(), "en");
  tap(0.95f, 0.07f);
  ASSERT_TRUE(runUntil(app, 2s, [&] { return app.language() == "ms"; }));
  EXPECT_EQ(app.screen(), ScreenId::Product);
  runFor(app, 200ms);
  EXPECT_GT(fractionChanged(later, look(app)), 0.01) << "the page did not change language";
  tap(0.05f, 0.07f);
  ASSERT_TRUE(runUntil(app, 2s, [&] { return app.screen() == ScreenId::Grid; })) << "Back did not answer";
  EXPECT_EQ(app.language(), "ms") << "the visitor keeps the language they chose";
}

// Opens the demo pack's product grid on a 640x360 screen, where it scrolls.
std::unique_ptr<App> openGrid() {
  KioskOptions options = headlessOptions();
  options.pack = test::demoPack();
  auto created = App::create(options);
  if (!created) return nullptr;
  App& app = *created.value();
  if (!runUntil(app, 15s, [&] { return app.framesShown() >= 1; })) return nullptr;
  tap(0.5f, 0.5f);
  if (!runUntil(app, 2s, [&] { return app.screen() == ScreenId::Grid; })) return nullptr;
  test::settle(app);
  return std::move(created.value());
}

// Touch on the grid (not run under valgrind: a flick's timing means nothing there).
class Touch : public KioskEndToEnd {};

TEST_F(Touch, ATapCountsWhileAnotherFingerTouchesTheGlass) {
  ASSERT_TRUE(sdl.ok()) << sdl.error();
  auto app = openGrid();
  ASSERT_TRUE(app);
  // A visitor taps the first tile while a second finger (a child's, a sleeve) touches the next
  // one and lets go: the tap is the first finger's, the second is ignored. As one pointer, the two
  // made a drag from tile to tile that opened nothing.
  test::finger(SDL_FINGERDOWN, 0.15f, 0.45f, 1);
  runFor(*app, 50ms);
  test::finger(SDL_FINGERDOWN, 0.6f, 0.45f, 2);
  runFor(*app, 50ms);
  test::finger(SDL_FINGERUP, 0.6f, 0.45f, 2);
  runFor(*app, 50ms);
  EXPECT_EQ(app->screen(), ScreenId::Grid) << "the second finger tapped";
  test::finger(SDL_FINGERUP, 0.15f, 0.45f, 1);
  EXPECT_TRUE(runUntil(*app, 2s, [&] { return app->screen() == ScreenId::Product; })) << "the tap was lost";
}

TEST_F(Touch, AFlickedListKeepsMovingAfterTheFingerLiftsThenStops) {
  ASSERT_TRUE(sdl.ok()) << sdl.error();
  auto app = openGrid();
  ASSERT_TRUE(app);
  // A quick upward flick over the tiles: 40% of the screen in ~100 ms.
  test::finger(SDL_FINGERDOWN, 0.5f, 0.85f);
  runFor(*app, 30ms);
  for (int i = 1; i <= 8; ++i) {
    test::finger(SDL_FINGERMOTION, 0.5f, 0.85f - 0.05f * static_cast<float>(i));
    runFor(*app, 12ms);
  }
  test::finger(SDL_FINGERUP, 0.5f, 0.45f);
  runFor(*app, 40ms);
  const Picture justLifted = look(*app);
  runFor(*app, 150ms);
  EXPECT_GT(fractionChanged(justLifted, look(*app)), 0.05) << "the list stopped dead when the finger lifted";
  runFor(*app, 3s);
  const Picture settled = look(*app);
  runFor(*app, 300ms);
  EXPECT_EQ(fractionChanged(settled, look(*app)), 0.0) << "the list never came to rest";
  EXPECT_EQ(app->screen(), ScreenId::Grid) << "a flick is not a tap";
}

// One finger from `from` to `to` (shares of the screen) in `steps` moves `stepTime` apart.
void stroke(App& app, SDL_FPoint from, SDL_FPoint to, int steps, std::chrono::milliseconds stepTime) {
  test::finger(SDL_FINGERDOWN, from.x, from.y);
  runFor(app, stepTime);
  for (int i = 1; i <= steps; ++i) {
    const float t = static_cast<float>(i) / static_cast<float>(steps);
    test::finger(SDL_FINGERMOTION, from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t);
    runFor(app, stepTime);
  }
  test::finger(SDL_FINGERUP, to.x, to.y);
  runFor(app, 100ms);
}

TEST_F(Touch, ASwipeOnAProductPageShowsTheNextOrThePreviousProduct) {
  ASSERT_TRUE(sdl.ok()) << sdl.error();
  auto app = openGrid();
  ASSERT_TRUE(app);
  tap(0.15f, 0.45f);
  ASSERT_TRUE(runUntil(*app, 2s, [&] { return app->screen() == ScreenId::Product; }));
  test::settle(*app);
  const std::size_t first = app->productShown();

  // Right to left across the facts, in ~200 ms: the next product.
  stroke(*app, {0.8f, 0.6f}, {0.3f, 0.62f}, 6, 30ms);
  EXPECT_EQ(app->screen(), ScreenId::Product);
  EXPECT_EQ(app->productShown(), first + 1) << "a swipe to the left did not bring the next product";
  test::settle(*app);

  // Left to right, starting on the Back button: the product before, and Back is not pressed.
  stroke(*app, {0.05f, 0.07f}, {0.6f, 0.1f}, 6, 30ms);
  EXPECT_EQ(app->screen(), ScreenId::Product) << "the button the swipe started on was pressed";
  EXPECT_EQ(app->productShown(), first);
  test::settle(*app);

  // A slow sideways drag (a visitor reading along a line) and an upward scroll change nothing.
  stroke(*app, {0.8f, 0.6f}, {0.3f, 0.6f}, 10, 150ms);
  stroke(*app, {0.7f, 0.9f}, {0.6f, 0.3f}, 6, 30ms);
  EXPECT_EQ(app->screen(), ScreenId::Product);
  EXPECT_EQ(app->productShown(), first);
}

TEST_F(Touch, ASecondTapRightAfterTheScreenChangedPressesNothingOnTheNewScreen) {
  ASSERT_TRUE(sdl.ok()) << sdl.error();
  auto app = openGrid();
  ASSERT_TRUE(app);
  tap(0.15f, 0.45f);
  ASSERT_TRUE(runUntil(*app, 2s, [&] { return app->controlAt("product.contact").has_value(); }));
  // The second tap of a double tap, ~100 ms after the page came, where "Contact this producer" is.
  const SDL_Point contact = *app->controlAt("product.contact");
  const auto tapContact = [&] {
    test::fingerAt(SDL_FINGERDOWN, contact, {kWidth, kHeight});
    runFor(*app, 40ms);
    test::fingerAt(SDL_FINGERUP, contact, {kWidth, kHeight});
  };
  tapContact();
  runFor(*app, 300ms);
  EXPECT_EQ(app->screen(), ScreenId::Product) << "the double tap's second touch opened the contact form";
  // A deliberate tap a moment later works.
  tapContact();
  EXPECT_TRUE(runUntil(*app, 2s, [&] { return app->screen() == ScreenId::Contact; })) << "a later tap was ignored";
}

TEST_F(KioskEndToEnd, MissingPackShowsATitleCardNotABlackScreen) {
  ASSERT_TRUE(sdl.ok()) << sdl.error();
  KioskOptions options = headlessOptions();
  options.pack = test::freshTempDirectory("no-pack") / "not-there";
  auto created = App::create(options);
  ASSERT_TRUE(created) << created.error().text();
  App& app = *created.value();
  runFor(app, 500ms);
  EXPECT_FALSE(app.quitRequested());
  const Picture card = look(app);
  EXPECT_GT(card.meanLuma, 40.0) << "black screen instead of a title card";
  // A tap still answers (a title card, not a frozen screen).
  tap(0.5f, 0.5f);
  EXPECT_TRUE(runUntil(app, 2s, [&] { return app.screen() == ScreenId::Grid; }));
}

TEST_F(KioskEndToEnd, BrokenVideoIsSkippedAndTheRestPlays) {
  ASSERT_TRUE(sdl.ok()) << sdl.error();
  KioskOptions options = headlessOptions();
  options.play = {test::testMedia("corrupt.mp4").string(), test::testMedia("noaudio_1s.mp4").string()};
  options.loops = 2;
  auto created = App::create(options);
  ASSERT_TRUE(created) << created.error().text();
  App& app = *created.value();
  ASSERT_TRUE(runUntil(app, 15s, [&] { return app.quitRequested(); })) << "--loops 2 never finished";
  // Two passes of a 1 s clip; under valgrind (or on a busy machine) frames are dropped to keep time.
  EXPECT_GE(app.framesShown(), static_cast<long>(50 / slowdown()));
  EXPECT_EQ(app.run(), 1) << "the exit code must say a file failed";
}

TEST_F(KioskEndToEnd, PortraitPhoneClipIsShownUprightAndPillarboxed) {
  ASSERT_TRUE(sdl.ok()) << sdl.error();
  KioskOptions options = headlessOptions();
  options.play = {test::testMedia("rotated_90.mp4").string()};
  auto created = App::create(options);
  ASSERT_TRUE(created) << created.error().text();
  App& app = *created.value();
  ASSERT_TRUE(runUntil(app, 10s, [&] { return app.framesShown() >= 3; }));
  runFor(app, 100ms);
  const Picture picture = look(app);
  auto at = [&](int x, int y) { return picture.pixels.at(static_cast<std::size_t>(y * kWidth + x)); };
  // Upright: red above, blue below, in the middle column; black bars left and right.
  const uint32_t top = at(kWidth / 2, kHeight / 4);
  const uint32_t bottom = at(kWidth / 2, kHeight * 3 / 5);
  EXPECT_GT((top >> 16) & 0xFF, 180u) << std::hex << top;
  EXPECT_LT(top & 0xFF, 80u) << std::hex << top;
  EXPECT_GT(bottom & 0xFF, 180u) << std::hex << bottom;
  EXPECT_LT((bottom >> 16) & 0xFF, 80u) << std::hex << bottom;
  EXPECT_EQ(at(20, kHeight / 2), 0u) << "no pillarbox bar on the left";
  EXPECT_EQ(at(kWidth - 20, kHeight / 2), 0u) << "no pillarbox bar on the right";
}

}  // namespace
}  // namespace etalase::kiosk

// The kiosk on a stand: no key or window close lets a visitor out, systemd's stop does, and the
// service's watchdog hears from the kiosk only while its frames reach the screen.
#include <gtest/gtest.h>

#include <SDL.h>

#include <csignal>
#include <thread>

#include "kiosk/app.h"
#include "kiosk/kiosk_driver.h"
#include "platform/notify_listener.h"
#include "platform/sdl_session.h"
#include "test_support.h"

namespace etalase::kiosk {
namespace {

using namespace std::chrono_literals;

KioskOptions standOptions(bool fullscreen) {
  KioskOptions options;
  options.display.width = 640;
  options.display.height = 360;
  options.display.fullscreen = fullscreen;
  options.display.renderer = platform::RendererChoice::Software;
  options.pack = test::demoPack();
  return options;
}

void press(SDL_Keycode key, Uint16 modifiers) {
  SDL_Event event{};
  event.type = SDL_KEYDOWN;
  event.key.keysym.sym = key;
  event.key.keysym.mod = modifiers;
  SDL_PushEvent(&event);
  event.type = SDL_KEYUP;
  SDL_PushEvent(&event);
}

void windowManagerCloses() {
  SDL_Event event{};
  event.type = SDL_QUIT;
  SDL_PushEvent(&event);
}

class Stand : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(sdl.ok()) << sdl.error();
    setenv("ETALASE_DATA_DIR", test::freshTempDirectory("stand").c_str(), 1);
  }
  platform::SdlSession sdl;
};

TEST_F(Stand, NoKeyAndNoWindowCloseGetsAVisitorOutButSystemdsStopDoes) {
  auto created = App::create(standOptions(true));
  ASSERT_TRUE(created) << created.error().text();
  App& app = *created.value();
  test::runFor(app, 300ms);
  press(SDLK_ESCAPE, KMOD_NONE);
  press(SDLK_q, KMOD_LCTRL);
  press(SDLK_F4, KMOD_LALT);
  press(SDLK_BACKSPACE, KMOD_LCTRL | KMOD_LALT);
  press(SDLK_F2, KMOD_LCTRL | KMOD_LALT);
  windowManagerCloses();
  test::runFor(app, 300ms);
  EXPECT_FALSE(app.quitRequested()) << "a visitor's key or a window close ended the kiosk";
  EXPECT_EQ(app.screen(), ScreenId::Attract);

  std::raise(SIGTERM);  // systemctl stop, or a restart of the service
  EXPECT_TRUE(test::runUntil(app, 2s, [&] { return app.quitRequested(); }));
}

TEST_F(Stand, OnADesktopEscapeStillQuitsForTheDeveloper) {
  auto created = App::create(standOptions(false));
  ASSERT_TRUE(created) << created.error().text();
  App& app = *created.value();
  test::runFor(app, 200ms);
  press(SDLK_ESCAPE, KMOD_NONE);
  EXPECT_TRUE(test::runUntil(app, 1s, [&] { return app.quitRequested(); }));
}

TEST_F(Stand, TheWatchdogHearsReadyAndKeepAlivesOnlyWhileFramesArePresented) {
  // WatchdogSec=0.4 s: a keep-alive is due every 100 ms.
  test::NotifyListener systemd(test::freshTempDirectory("stand-notify") / "notify", 400ms);
  ASSERT_TRUE(systemd.bound());
  auto created = App::create(standOptions(true));
  ASSERT_TRUE(created) << created.error().text();
  App& app = *created.value();
  // Collected as they come: a test's socket queues only ten messages (systemd reads at once).
  std::vector<std::string> heard;
  auto hear = [&] {
    for (std::string& message : systemd.take()) heard.push_back(std::move(message));
  };
  const auto keepAlives = [&] { return test::countOf(heard, "WATCHDOG=1"); };
  EXPECT_TRUE(test::runUntil(app, 10s, [&] { hear(); return keepAlives() >= 5; })) << keepAlives();
  EXPECT_EQ(test::countOf(heard, "READY=1"), 1);

  // A kiosk whose loop is stuck presents nothing and says nothing: systemd will restart it.
  test::runFor(app, 50ms);
  systemd.take(100ms);
  std::this_thread::sleep_for(500ms);
  EXPECT_TRUE(systemd.take().empty()) << "a keep-alive came from somewhere other than the frame loop";

  heard.clear();
  EXPECT_TRUE(test::runUntil(app, 10s, [&] { hear(); return keepAlives() >= 2; })) << "keep-alives resume with the frames";
  EXPECT_EQ(test::countOf(heard, "READY=1"), 0);
}

}  // namespace
}  // namespace etalase::kiosk

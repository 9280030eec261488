// Stand staff at the kiosk, headless: the 3 s hold in the corner opens the PIN pad, a wrong PIN
// keeps them out, the right one opens the lead list; they rate a lead, export every lead onto a
// USB stick (a folder standing in for one) and leave. What they did must be in the database and
// in the file on the stick, and no visitor screen may show a lead afterwards.
#include <gtest/gtest.h>

#include <SDL.h>

#include <cstdlib>
#include <fstream>
#include <functional>
#include <string>

#include "kiosk/app.h"
#include "kiosk/kiosk_driver.h"
#include "kiosk/leads/lead_store.h"
#include "kiosk/leads/synthetic_leads.h"
#include "kiosk/settings/kiosk_settings.h"
#include "platform/sdl_session.h"
#include "test_support.h"

namespace etalase::kiosk {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

constexpr int kWidth = 1280;
constexpr int kHeight = 720;
constexpr int kLeads = 12;

bool runUntil(App& app, std::chrono::milliseconds limit, const std::function<bool()>& done) {
  return test::runUntil(app, limit, done, 10ms);
}

void finger(Uint32 type, SDL_Point at) { test::fingerAt(type, at, {kWidth, kHeight}); }

// Where a point of the picture turned `rotation` degrees lies on the kWidth x kHeight panel (the
// inverse of the kiosk's mapping, worked out here so the test checks it rather than reuses it).
SDL_Point onPanel(SDL_Point picture, int rotation) {
  switch (rotation) {
    case 90: return {kWidth - picture.y, picture.x};
    case 180: return {kWidth - picture.x, kHeight - picture.y};
    case 270: return {picture.y, kHeight - picture.x};
    default: return picture;
  }
}

class StaffModeFlow : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(sdl.ok()) << sdl.error();
    data = test::freshTempDirectory("staff-mode");
    stick = data / "usb" / "STAND-USB";
    fs::create_directories(stick);
    setenv("ETALASE_DATA_DIR", data.c_str(), 1);
    setenv("ETALASE_USB_ROOT", (data / "usb").c_str(), 1);
    {
      auto store = leads::LeadStore::open(data / "leads.db");
      ASSERT_TRUE(store) << store.error().text();
      leads::SyntheticLeads synthetic(7);
      for (int i = 0; i < kLeads; ++i) ASSERT_FALSE(store.value().add(synthetic.next()));
    }
    KioskOptions options;
    options.display.width = kWidth;
    options.display.height = kHeight;
    options.display.renderer = platform::RendererChoice::Software;
    options.pack = test::demoPack();
    options.idleTimeoutSeconds = 120;
    options.staffPin = "2468";
    auto created = App::create(options);
    ASSERT_TRUE(created) << created.error().text();
    app = std::move(created.value());
    ASSERT_TRUE(runUntil(*app, 15s, [&] { return app->framesShown() >= 1; }));
  }
  void TearDown() override {
    app.reset();
    test::usePrivateDataDirectory();
    unsetenv("ETALASE_USB_ROOT");
  }

  void tap(const std::string& control) {
    ASSERT_TRUE(runUntil(*app, 3s, [&] { return app->controlAt(control).has_value(); })) << control << " not on screen";
    const SDL_Point at = onPanel(*app->controlAt(control), app->display().rotation());
    finger(SDL_FINGERDOWN, at);
    runUntil(*app, 60ms, [] { return false; });
    finger(SDL_FINGERUP, at);
    runUntil(*app, 60ms, [] { return false; });
  }
  void holdCorner(std::chrono::milliseconds howLong) {
    finger(SDL_FINGERDOWN, SDL_Point{8, 8});
    runUntil(*app, howLong, [] { return false; });
    finger(SDL_FINGERUP, SDL_Point{8, 8});
    runUntil(*app, 100ms, [] { return false; });
  }
  void enterStaffMode() {
    holdCorner(3300ms);
    typePin("2468");
    ASSERT_TRUE(runUntil(*app, 5s, [&] { return app->screen() == ScreenId::Staff; }));
    // The leads' names make the UI rebuild its font atlas once; a tap in that frame would be lost.
    ASSERT_TRUE(runUntil(*app, 3s, [&] { return app->controlAt("staff.lead.0").has_value(); }));
    runUntil(*app, 500ms, [] { return false; });
  }
  void typePin(const std::string& pin) {
    for (char digit : pin) tap(std::string("pin:") + digit);
    tap("pin:ok");
  }
  leads::Lead newestLead() {
    auto store = leads::LeadStore::open(data / "leads.db");
    EXPECT_TRUE(store);
    auto newest = store.value().recent(1);
    EXPECT_TRUE(newest && newest.value().size() == 1u);
    return newest.value().front();
  }

  platform::SdlSession sdl;
  fs::path data, stick;
  std::unique_ptr<App> app;
};

TEST_F(StaffModeFlow, AShortTouchInTheCornerOpensNoPad) {
  holdCorner(1000ms);
  runUntil(*app, 300ms, [] { return false; });
  EXPECT_FALSE(app->controlAt("pin:ok").has_value()) << "a 1 s touch opened the PIN pad";
  EXPECT_NE(app->screen(), ScreenId::Staff);
}

TEST_F(StaffModeFlow, StaffRateALeadExportEveryLeadToTheStickAndLeave) {
  holdCorner(3300ms);
  ASSERT_TRUE(runUntil(*app, 2s, [&] { return app->controlAt("pin:ok").has_value(); })) << "no PIN pad after 3.3 s";

  typePin("1111");
  runUntil(*app, 300ms, [] { return false; });
  EXPECT_NE(app->screen(), ScreenId::Staff) << "a wrong PIN let staff in";

  typePin("2468");
  ASSERT_TRUE(runUntil(*app, 5s, [&] { return app->screen() == ScreenId::Staff; }));
  ASSERT_TRUE(runUntil(*app, 3s, [&] { return app->controlAt("staff.lead.0").has_value(); })) << "no lead listed";
  // The leads' names bring characters the font lacked: the UI is rebuilt with them once, after
  // the first frame of the list (a finger then is not yet tracked by the new UI).
  runUntil(*app, 500ms, [] { return false; });

  // The newest lead is the list's first: rate it hot and flag it.
  const leads::Lead before = newestLead();
  EXPECT_EQ(before.rating, "");
  tap("staff.lead.0");
  tap("staff.rating.hot");
  tap("staff.followup");
  tap("staff.save");
  runUntil(*app, 200ms, [] { return false; });
  const leads::Lead after = newestLead();
  EXPECT_EQ(after.uuid, before.uuid);
  EXPECT_EQ(after.rating, leads::kRatingHot);
  EXPECT_EQ(after.followUp, leads::kFollowUpYes);

  // Every lead, as JSON Lines, onto the stick.
  tap("staff.tab.export");
  tap("staff.export.stick.0");
  tap("staff.export.format.jsonl");
  tap("staff.export.all");
  tap("staff.export.start");
  ASSERT_TRUE(runUntil(*app, 20s, [&] { return app->controlAt("staff.export.done").has_value(); }))
      << "the export never said done";
  fs::path written;
  int files = 0;
  for (const auto& entry : fs::directory_iterator(stick)) {
    ++files;
    written = entry.path();
  }
  ASSERT_EQ(files, 1) << "a .partial file or a second file was left on the stick";
  EXPECT_EQ(written.extension(), ".jsonl");
  std::ifstream in(written);
  std::string line;
  int leadLines = 0;
  bool ratedSeen = false;
  std::string ratedLine;
  std::getline(in, line);  // the header
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    ++leadLines;
    if (line.find(before.uuid) != std::string::npos) {
      ratedLine = line;
      ratedSeen = line.find("\"rating\":\"hot\"") != std::string::npos;
    }
  }
  EXPECT_EQ(leadLines, kLeads);
  EXPECT_TRUE(ratedSeen) << "the staff's rating did not travel with the lead: " << ratedLine;
  {
    auto store = leads::LeadStore::open(data / "leads.db");
    ASSERT_TRUE(store);
    EXPECT_EQ(store.value().countNotExported().value(), 0);
    EXPECT_EQ(store.value().find(before.uuid).value()->rating, leads::kRatingHot);
    auto log = store.value().exportLog(5);
    ASSERT_TRUE(log && !log.value().empty());
    EXPECT_EQ(log.value().front().kind, "export");
    EXPECT_EQ(log.value().front().leads, kLeads);
  }

  tap("staff.leave");
  ASSERT_TRUE(runUntil(*app, 3s, [&] { return app->screen() == ScreenId::Attract; }));
  runUntil(*app, 200ms, [] { return false; });
  EXPECT_FALSE(app->controlAt("staff.lead.0").has_value()) << "a lead is still on screen after leaving";
}

TEST_F(StaffModeFlow, StaffTurnTheScreenForAnUprightPanelAndEnlargeTheTextAndTouchesStillHit) {
  enterStaffMode();
  tap("staff.tab.settings");
  ASSERT_TRUE(runUntil(*app, 3s, [&] { return app->controlBounds("staff.leave").has_value(); }));
  const int buttonHeightBefore = app->controlBounds("staff.leave")->h;
  tap("staff.settings.rotation.90");
  tap("staff.settings.uiscale.start");  // from the command line's 1.0 ...
  tap("staff.settings.uiscale.more");   // ... to 110 %
  tap("staff.settings.save");
  ASSERT_TRUE(runUntil(*app, 3s, [&] { return app->display().rotation() == 90; })) << "the screen was not turned";
  runUntil(*app, 300ms, [] { return false; });

  // The picture is now a portrait one on the landscape panel, laid out for that shape.
  EXPECT_EQ(app->display().outputSize().x, kHeight);
  EXPECT_EQ(app->display().outputSize().y, kWidth);
  const auto leave = app->controlBounds("staff.leave");
  ASSERT_TRUE(leave.has_value());
  EXPECT_LE(leave->x + leave->w, kHeight) << "the Leave button lies outside the portrait picture";
  EXPECT_GT(leave->h, buttonHeightBefore) << "a larger text size left the buttons as they were";
  const LoadedSettings saved = loadSettings(data / "settings.json");
  EXPECT_EQ(saved.settings.screenRotation, 90);
  EXPECT_EQ(saved.settings.uiScalePercent, 110);

  // A finger where the Leave button now shows on the turned panel leaves staff mode.
  tap("staff.leave");
  ASSERT_TRUE(runUntil(*app, 3s, [&] { return app->screen() == ScreenId::Attract; })) << "the turned tap missed";

  // After a restart (a power cut) the kiosk comes up turned, before its first frame.
  app.reset();
  KioskOptions options;
  options.display.width = kWidth;
  options.display.height = kHeight;
  options.display.renderer = platform::RendererChoice::Software;
  options.pack = test::demoPack();
  auto restarted = App::create(options);
  ASSERT_TRUE(restarted) << restarted.error().text();
  app = std::move(restarted.value());
  EXPECT_EQ(app->display().rotation(), 90);
}

}  // namespace
}  // namespace etalase::kiosk

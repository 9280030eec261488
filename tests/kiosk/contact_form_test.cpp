// A visitor leaves their contact, headless: touches on the on-screen keyboard, a badge read by a
// USB scanner (which types), and a badge held up to the camera (a video file stands in for it).
// The lead must be in the database when the thank-you screen shows.
#include <gtest/gtest.h>

#include <SDL.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>

#include "kiosk/app.h"
#include "kiosk/kiosk_driver.h"
#include "kiosk/leads/lead_store.h"
#include "platform/sdl_session.h"
#include "test_support.h"

namespace etalase::kiosk {
namespace {

using namespace std::chrono_literals;

constexpr int kWidth = 1280;
constexpr int kHeight = 720;

// Runs the app in 10 ms steps (a finger's down and up are a few frames apart, as on a screen).
bool runUntil(App& app, std::chrono::milliseconds limit, const std::function<bool()>& done) {
  return test::runUntil(app, limit, done, 10ms);
}

// A finger at a pixel of the screen.
void finger(Uint32 type, SDL_Point at) { test::fingerAt(type, at, {kWidth, kHeight}); }

class ContactFormFlow : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(sdl.ok()) << sdl.error();
    data = test::freshTempDirectory("contact-form");
    setenv("ETALASE_DATA_DIR", data.c_str(), 1);
    if (!settings.empty()) std::ofstream(data / "settings.json") << settings;
    KioskOptions options;
    options.display.width = kWidth;
    options.display.height = kHeight;
    options.display.renderer = platform::RendererChoice::Software;
    options.pack = test::demoPack();
    options.idleTimeoutSeconds = 120;
    options.camera = camera;
    auto created = App::create(options);
    ASSERT_TRUE(created) << created.error().text();
    app = std::move(created.value());
    ASSERT_TRUE(runUntil(*app, 15s, [&] { return app->framesShown() >= 1; }));
  }
  void TearDown() override { test::usePrivateDataDirectory(); }

  // A finger's tap on a control the last frame drew, with frames in between as on a screen.
  void tap(const std::string& control) {
    ASSERT_TRUE(runUntil(*app, 2s, [&] { return app->controlAt(control).has_value(); })) << control << " not on screen";
    const SDL_Point at = *app->controlAt(control);
    finger(SDL_FINGERDOWN, at);
    runUntil(*app, 60ms, [] { return false; });
    finger(SDL_FINGERUP, at);
    runUntil(*app, 60ms, [] { return false; });
  }
  // Send and consent stay in reach above the on-screen keyboard (its top row starts with Q, or
  // with 1 on the phone keypad).
  void expectFooterAboveKeyboard() {
    ASSERT_TRUE(runUntil(*app, 2s, [&] { return app->controlBounds("key:hide").has_value(); })) << "no keyboard";
    int keyboardTop = app->controlBounds("key:hide")->y;
    for (const char* topKey : {"key:q", "key:1"}) {
      if (const auto key = app->controlBounds(topKey)) keyboardTop = std::min(keyboardTop, key->y);
    }
    for (const char* control : {"form.send", "form.consent"}) {
      const auto bounds = app->controlBounds(control);
      ASSERT_TRUE(bounds.has_value()) << control;
      EXPECT_LE(bounds->y + bounds->h, keyboardTop) << control << " is under the keyboard";
    }
  }
  void tapKeys(const std::string& keys) {
    for (char c : keys) tap("key:" + std::string(1, c));
  }
  void openForm() {
    finger(SDL_FINGERDOWN, {640, 360});
    finger(SDL_FINGERUP, {640, 360});
    ASSERT_TRUE(runUntil(*app, 3s, [&] { return app->screen() == ScreenId::Grid; }));
    test::settle(*app);
    tap("grid.contact");
    ASSERT_TRUE(runUntil(*app, 3s, [&] { return app->screen() == ScreenId::Contact; }));
  }
  std::vector<leads::Lead> storedLeads() {
    auto store = leads::LeadStore::open(data / "leads.db");
    EXPECT_TRUE(store) << store.error().text();
    if (!store) return {};
    auto leads = store.value().recent(10);
    return leads ? leads.value() : std::vector<leads::Lead>{};
  }

  std::string camera = "none";  // what --camera says
  std::string settings;  // DATA/settings.json, when not empty
  platform::SdlSession sdl;
  std::filesystem::path data;
  std::unique_ptr<App> app;
};

TEST_F(ContactFormFlow, ALeadTypedOnTheOnScreenKeyboardIsStoredBeforeTheThanks) {
  openForm();
  EXPECT_FALSE(app->controlAt("form.scan").has_value()) << "a kiosk without a camera offers to scan";
  // The name field has the focus; names start with a capital by themselves.
  tapKeys("siti");
  tap("key:space");
  tapKeys("rahma");
  // Next (the keyboard's Enter) walks the fields: company and country are left empty.
  for (int field = 0; field < 3; ++field) tap("key:enter");
  tapKeys("siti@toko");
  tap("key:.");
  tapKeys("my");
  tap("key:enter");
  tapKeys("+60123456789");
  expectFooterAboveKeyboard();
  tap("key:hide");
  tap("form.consent");
  tap("form.send");
  ASSERT_TRUE(runUntil(*app, 5s, [&] { return app->controlAt("thanks.done").has_value(); }))
      << "no thank-you screen";
  const auto leads = storedLeads();
  ASSERT_EQ(leads.size(), 1u);
  EXPECT_EQ(leads[0].name, "Siti Rahma");
  EXPECT_EQ(leads[0].email, "siti@toko.my");
  EXPECT_EQ(leads[0].phone, "+60123456789");
  EXPECT_TRUE(leads[0].consentGiven);
  EXPECT_EQ(leads[0].source, "typed");
  EXPECT_EQ(leads[0].visitorLanguage, "en");
  EXPECT_EQ(leads[0].consentVersion, "demo-2026-12") << "the demo pack's own consent wording";
  EXPECT_EQ(leads[0].consentLanguage, "en");
  EXPECT_EQ(leads[0].uuid.size(), 36u);
  const std::string stats = app->statsJson();
  EXPECT_NE(stats.find("\"lead_saves\": 1,"), std::string::npos) << stats;
  EXPECT_NE(stats.find("\"longest_frame_ms_around_save\": "), std::string::npos) << stats;
  EXPECT_EQ(stats.find("Siti"), std::string::npos) << "a visitor's name in --stats";
  EXPECT_EQ(stats.find("60123456789"), std::string::npos) << "a visitor's phone in --stats";

  // Done clears the form: the next visitor opening it sees none of it.
  tap("thanks.done");
  ASSERT_TRUE(runUntil(*app, 3s, [&] { return app->screen() == ScreenId::Grid; }));
  test::settle(*app);
  tap("grid.contact");
  ASSERT_TRUE(runUntil(*app, 3s, [&] { return app->screen() == ScreenId::Contact; }));
  tap("form.send");
  // Saving is asynchronous: give an (unwanted) save the time it takes before counting.
  EXPECT_FALSE(runUntil(*app, 1s, [&] { return app->controlAt("thanks.done").has_value(); }))
      << "an empty form was thanked for";
  EXPECT_EQ(storedLeads().size(), 1u) << "an empty form was stored";
}

TEST_F(ContactFormFlow, ABadgeScannedByAKeyboardScannerFillsTheFormFromTheGrid) {
  finger(SDL_FINGERDOWN, {640, 360});
  finger(SDL_FINGERUP, {640, 360});
  ASSERT_TRUE(runUntil(*app, 3s, [&] { return app->screen() == ScreenId::Grid; }));
  // A scanner types the whole card in a few milliseconds, Enter between the lines.
  const std::string lines[] = {"BEGIN:VCARD", "VERSION:3.0", "FN:Li Wei", "ORG:Shenzhen Trading Co.",
                               "EMAIL:li.wei@example.cn", "TEL;TYPE=cell:+86 138 0013 8000", "END:VCARD"};
  for (const std::string& line : lines) {
    for (char c : line) {
      SDL_Event text{};
      text.type = SDL_TEXTINPUT;
      text.text.text[0] = c;
      SDL_PushEvent(&text);
    }
    SDL_Event enter{};
    enter.type = SDL_KEYDOWN;
    enter.key.keysym.sym = SDLK_RETURN;
    SDL_PushEvent(&enter);
  }
  ASSERT_TRUE(runUntil(*app, 3s, [&] { return app->screen() == ScreenId::Contact; })) << "the scan opened no form";
  tap("form.consent");
  tap("form.send");
  ASSERT_TRUE(runUntil(*app, 5s, [&] { return app->controlAt("thanks.done").has_value(); }));
  const auto leads = storedLeads();
  ASSERT_EQ(leads.size(), 1u);
  EXPECT_EQ(leads[0].name, "Li Wei");
  EXPECT_EQ(leads[0].company, "Shenzhen Trading Co.");
  EXPECT_EQ(leads[0].email, "li.wei@example.cn");
  EXPECT_EQ(leads[0].phone, "+8613800138000");
  EXPECT_EQ(leads[0].source, "scanned-keyboard");
  EXPECT_NE(leads[0].rawCard.find("FN:Li Wei"), std::string::npos);
}

// The kiosk with a video file as its camera (--camera FILE): the clip shows an empty scene for a
// second, then a badge's QR code, and loops.
class BadgeCameraFlow : public ContactFormFlow {
 protected:
  void SetUp() override {
    camera = test::testMedia(clip).string();
    ContactFormFlow::SetUp();
  }
  std::string clip = "badge_camera.mp4";
};

std::string fileText(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST_F(BadgeCameraFlow, ABadgeHeldUpToTheCameraFillsTheFormAndIsStoredWithItsCard) {
  openForm();
  tap("form.scan");
  ASSERT_TRUE(runUntil(*app, 3s, [&] { return app->screen() == ScreenId::BadgeScan; }));
  ASSERT_TRUE(runUntil(*app, 5s, [&] { return app->controlAt("scan.picture").has_value(); }))
      << "the camera's picture is not on screen";
  ASSERT_TRUE(runUntil(*app, 20s, [&] { return app->screen() == ScreenId::Contact; })) << "the badge was not read";
  // To check what was read, the visitor sees the form without the keyboard over it: two taps left.
  runUntil(*app, 100ms, [] { return false; });
  EXPECT_FALSE(app->controlAt("key:hide").has_value()) << "the keyboard covers the scanned details";
  tap("form.consent");
  tap("form.send");
  ASSERT_TRUE(runUntil(*app, 5s, [&] { return app->controlAt("thanks.done").has_value(); })) << "no thank-you screen";
  const auto leads = storedLeads();
  ASSERT_EQ(leads.size(), 1u);
  EXPECT_EQ(leads[0].name, "Anna Müller");
  EXPECT_EQ(leads[0].company, "Feinkost Müller GmbH");
  EXPECT_EQ(leads[0].email, "anna.mueller@feinkost-mueller.de");
  EXPECT_EQ(leads[0].phone, "+49301234567");
  EXPECT_EQ(leads[0].source, "scanned-camera");
  EXPECT_EQ(leads[0].rawCard, fileText(test::testMedia("badge.vcf")));
}

class StandSettingsFlow : public ContactFormFlow {
 protected:
  void SetUp() override {
    settings = R"({"device_id": "hall-b-12", "required_fields": ["name", "company", "consent"],
                   "require_email_or_phone": false,
                   "consent": {"version": "expo-2026-v3", "text": {"en": "I agree with the expo's terms."}}})";
    ContactFormFlow::SetUp();
  }
};

TEST_F(StandSettingsFlow, TheStandsRequiredFieldsConsentAndDeviceIdAreUsed) {
  openForm();
  tapKeys("ana");
  tap("key:hide");
  tap("form.consent");
  tap("form.send");
  EXPECT_FALSE(runUntil(*app, 1s, [&] { return app->controlAt("thanks.done").has_value(); }))
      << "sent without the company the stand requires";
  tap("form.field.company");
  tapKeys("toko");
  tap("key:hide");
  tap("form.send");
  ASSERT_TRUE(runUntil(*app, 5s, [&] { return app->controlAt("thanks.done").has_value(); })) << "no thank-you screen";
  const auto leads = storedLeads();
  ASSERT_EQ(leads.size(), 1u);
  EXPECT_EQ(leads[0].company, "Toko");
  EXPECT_EQ(leads[0].deviceId, "hall-b-12");
  EXPECT_EQ(leads[0].consentVersion, "expo-2026-v3") << "the settings' wording goes before the pack's";
  EXPECT_EQ(leads[0].consentLanguage, "en");
}

class NotACardCameraFlow : public BadgeCameraFlow {
 protected:
  void SetUp() override {
    clip = "url_camera.mp4";
    BadgeCameraFlow::SetUp();
  }
};

TEST_F(NotACardCameraFlow, ACodeThatIsNotACardKeepsScanningAndTheVisitorCanTypeInstead) {
  openForm();
  tap("form.scan");
  ASSERT_TRUE(runUntil(*app, 3s, [&] { return app->screen() == ScreenId::BadgeScan; }));
  // The web address is in view from 1 s to 4 s: it must not open the form.
  EXPECT_FALSE(runUntil(*app, 6s, [&] { return app->screen() != ScreenId::BadgeScan; }))
      << "a web address was taken for a contact card";
  EXPECT_TRUE(app->controlAt("scan.picture").has_value());
  tap("scan.type");
  ASSERT_TRUE(runUntil(*app, 3s, [&] { return app->screen() == ScreenId::Contact; }));
  expectFooterAboveKeyboard();  // with the Scan badge button above the fields too
  tap("form.send");
  EXPECT_FALSE(runUntil(*app, 1s, [&] { return app->controlAt("thanks.done").has_value(); }));
  EXPECT_TRUE(storedLeads().empty());
}

}  // namespace
}  // namespace etalase::kiosk

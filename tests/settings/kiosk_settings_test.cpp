// The settings file: what staff write is used, and every mistake in it is named and harmless.
#include "kiosk/settings/kiosk_settings.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "test_support.h"

namespace etalase::kiosk {
namespace {

class SettingsFile : public ::testing::Test {
 protected:
  void SetUp() override { file = test::freshTempDirectory("settings") / "settings.json"; }
  void write(const std::string& text) { std::ofstream(file, std::ios::binary) << text; }
  // The one problem that mentions `setting` (fails when there is none).
  std::string problemAbout(const LoadedSettings& loaded, const std::string& setting) {
    const auto it = std::find_if(loaded.problems.begin(), loaded.problems.end(),
                                 [&](const std::string& p) { return p.find(setting) != std::string::npos; });
    EXPECT_NE(it, loaded.problems.end()) << "no problem named " << setting;
    return it == loaded.problems.end() ? "" : *it;
  }
  std::filesystem::path file;
};

TEST_F(SettingsFile, NoFileMeansTheDefaultsAndNoComplaint) {
  const LoadedSettings loaded = loadSettings(file);
  EXPECT_TRUE(loaded.problems.empty());
  EXPECT_EQ(loaded.settings, KioskSettings{});
  EXPECT_EQ(formRules(loaded.settings).required, (std::set<Field>{Field::Name, Field::Consent}));
}

TEST_F(SettingsFile, WhatTheStandWroteIsUsed) {
  write(R"({"format": 1, "stand_name": "Rembang Scale Leather", "device_id": "hall-b-12",
            "phone_region": "my", "required_fields": ["name", "company", "country", "consent"],
            "require_email_or_phone": false, "low_disk_warning_mb": 64,
            "consent": {"version": "expo-2026-v3", "text": {"en": "I agree.", "zh": "我同意。"}}})");
  const LoadedSettings loaded = loadSettings(file);
  EXPECT_TRUE(loaded.problems.empty()) << loaded.problems.front();
  const KioskSettings& s = loaded.settings;
  EXPECT_EQ(s.standName, "Rembang Scale Leather");
  EXPECT_EQ(s.deviceId, "hall-b-12");
  EXPECT_EQ(s.phoneRegion, "MY");
  EXPECT_EQ(s.requiredFields, (std::set<Field>{Field::Name, Field::Company, Field::Country, Field::Consent}));
  EXPECT_FALSE(s.requireEmailOrPhone);
  EXPECT_EQ(s.lowDiskWarningBytes, 64ull * 1024 * 1024);
  ASSERT_TRUE(s.consent.has_value());
  EXPECT_EQ(s.consent->version, "expo-2026-v3");
  EXPECT_EQ(s.consent->text.at("zh"), "我同意。");
  const FormRules rules = formRules(s);
  EXPECT_EQ(rules.fallbackPhoneRegion, "MY");
  EXPECT_FALSE(rules.requireEmailOrPhone);
}

TEST_F(SettingsFile, EachBadValueIsNamedAndKeepsItsDefault) {
  write(R"({"device_id": "stand 12/../x", "phone_region": "XX", "required_fields": ["name", "fax"],
            "require_email_or_phone": "yes", "low_disk_warning_mb": -5, "consent": {"text": {"en": "I agree"}},
            "idle_timout": 30})");
  const LoadedSettings loaded = loadSettings(file);
  EXPECT_EQ(loaded.problems.size(), 7u);
  EXPECT_NE(problemAbout(loaded, "device_id").find(file.string()), std::string::npos) << "the file is named";
  problemAbout(loaded, "phone_region");
  problemAbout(loaded, "required_fields[1]");
  problemAbout(loaded, "require_email_or_phone");
  problemAbout(loaded, "low_disk_warning_mb");
  problemAbout(loaded, "consent.version");
  EXPECT_NE(problemAbout(loaded, "idle_timout").find("not a setting"), std::string::npos) << "a typo is reported";
  const KioskSettings& s = loaded.settings;
  EXPECT_EQ(s.deviceId, "");
  EXPECT_EQ(s.phoneRegion, "ID");
  EXPECT_EQ(s.requiredFields, (std::set<Field>{Field::Name})) << "the good field names are kept";
  EXPECT_TRUE(s.requireEmailOrPhone);
  EXPECT_EQ(s.lowDiskWarningBytes, KioskSettings{}.lowDiskWarningBytes);
  EXPECT_FALSE(s.consent.has_value()) << "a consent without a version cannot be traced";
}

TEST_F(SettingsFile, AFileThatIsNotJsonSaysWhereAndTheDefaultsAreUsed) {
  write("{\"stand_name\": \"Lasem\",\n  \"device_id\": }");
  const LoadedSettings loaded = loadSettings(file);
  ASSERT_EQ(loaded.problems.size(), 1u);
  EXPECT_NE(loaded.problems[0].find("line 2"), std::string::npos) << loaded.problems[0];
  EXPECT_EQ(loaded.settings, KioskSettings{});
}

TEST_F(SettingsFile, ANewerKioskFileIsReadAsFarAsItIsUnderstood) {
  write(R"({"format": 2, "stand_name": "Lasem"})");
  const LoadedSettings loaded = loadSettings(file);
  problemAbout(loaded, "newer kiosk");
  EXPECT_EQ(loaded.settings.standName, "Lasem");
}

TEST_F(SettingsFile, SavedSettingsReadBackTheSameAndLeaveNoTemporaryFile) {
  KioskSettings settings;
  settings.standName = "Stan Kopi \"Madura\"";
  settings.deviceId = "kopi-1";
  settings.requiredFields = {Field::Name, Field::Email, Field::Consent};
  settings.consent = ConsentText{"v7", {{"id", "Saya setuju."}}};
  settings.lowDiskWarningBytes = 8ull * 1024 * 1024;
  ASSERT_FALSE(saveSettings(file, settings).has_value());
  const LoadedSettings loaded = loadSettings(file);
  EXPECT_TRUE(loaded.problems.empty()) << loaded.problems.front();
  EXPECT_EQ(loaded.settings, settings);
  for (const auto& entry : std::filesystem::directory_iterator(file.parent_path())) {
    EXPECT_EQ(entry.path().filename(), "settings.json") << "left behind: " << entry.path();
  }
}

TEST_F(SettingsFile, TheScreensTurnAndTextSizeAreReadCheckedAndSaved) {
  write(R"({"screen_rotation": 270, "ui_scale_percent": 125})");
  LoadedSettings loaded = loadSettings(file);
  EXPECT_TRUE(loaded.problems.empty()) << loaded.problems.front();
  EXPECT_EQ(loaded.settings.screenRotation, 270);
  EXPECT_EQ(loaded.settings.uiScalePercent, 125);

  // A panel cannot be turned 45 degrees, and 20 % text cannot be read: named, and the command
  // line's values stay in force.
  write(R"({"screen_rotation": 45, "ui_scale_percent": 20})");
  loaded = loadSettings(file);
  EXPECT_EQ(loaded.problems.size(), 2u);
  EXPECT_NE(problemAbout(loaded, "screen_rotation").find("0, 90, 180 or 270"), std::string::npos);
  problemAbout(loaded, "ui_scale_percent");
  EXPECT_FALSE(loaded.settings.screenRotation.has_value());
  EXPECT_EQ(loaded.settings.uiScalePercent, 0);

  write(R"({"screen_rotation": null})");
  EXPECT_FALSE(loadSettings(file).settings.screenRotation.has_value()) << "null: as started";

  KioskSettings settings;
  settings.screenRotation = 90;
  settings.uiScalePercent = 80;
  ASSERT_FALSE(saveSettings(file, settings).has_value());
  EXPECT_EQ(loadSettings(file).settings, settings);
  settings.screenRotation = 100;
  const auto error = saveSettings(file, settings);
  ASSERT_TRUE(error.has_value());
  EXPECT_NE(error->text().find("Screen turned"), std::string::npos) << error->text();
  EXPECT_EQ(loadSettings(file).settings.screenRotation, 90) << "the saved turn is kept";
}

TEST_F(SettingsFile, ADeviceIdThatCannotNameAFileIsRefusedAndTheOldSettingsKept) {
  KioskSettings settings;
  settings.deviceId = "kiosk-01";
  ASSERT_FALSE(saveSettings(file, settings).has_value());
  settings.deviceId = "../stand 3";
  const auto error = saveSettings(file, settings);
  ASSERT_TRUE(error.has_value());
  EXPECT_NE(error->text().find("Device id"), std::string::npos) << error->text();
  EXPECT_EQ(loadSettings(file).settings.deviceId, "kiosk-01");
}

}  // namespace
}  // namespace etalase::kiosk

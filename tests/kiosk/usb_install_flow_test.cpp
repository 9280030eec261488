// The staff PIN stands between a stick and the stand's content: only the right PIN installs,
// guessing is slowed down, and a stick pulled before the PIN leaves nothing behind.
#include "kiosk/packs/usb_install_flow.h"

#include <gtest/gtest.h>

#include <fstream>
#include <thread>

#include "test_support.h"

namespace etalase::kiosk {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Fixture {
  fs::path root = test::freshTempDirectory("usb-flow");
  fs::path stick = root / "usb" / "STICK";
  PackInstaller installer{root / "data", options()};

  static InstallerOptions options() {
    InstallerOptions options;
    options.validate = [](const fs::path&, const ValidationProgress&) { return ValidationOutcome{true, "stand", {}}; };
    return options;
  }
  Fixture() {
    fs::create_directories(stick / "pack");
    std::ofstream(stick / "pack" / "pack.json") << R"({"schema_version": 1})";
  }
  platform::VolumeChanges inserted() const { return {{platform::Volume{stick, "STICK"}}, {}}; }
  platform::VolumeChanges pulled() const { return {{}, {platform::Volume{stick, "STICK"}}}; }
};

void type(UsbInstallFlow& flow, const std::string& digits, Clock::time_point now) {
  for (char d : digits) flow.typeDigit(d, now);
}

TEST(UsbInstallFlow, StickWithAPackAsksForThePinAndTheRightPinInstalls) {
  Fixture f;
  UsbInstallFlow flow("2468", f.installer);
  flow.volumesChanged(f.inserted());
  ASSERT_EQ(flow.stage(), UsbInstallFlow::Stage::AskPin);
  EXPECT_EQ(flow.stickLabel(), "STICK");
  EXPECT_EQ(flow.packOnStick(), f.stick / "pack");
  const auto now = Clock::now();
  type(flow, "2468", now);
  EXPECT_EQ(flow.pinLength(), 4u);
  flow.submitPin(now);
  ASSERT_EQ(flow.stage(), UsbInstallFlow::Stage::Installing);
  std::optional<fs::path> installed;
  for (int i = 0; i < 500 && flow.stage() == UsbInstallFlow::Stage::Installing; ++i) {
    installed = flow.update();
    if (!installed) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_TRUE(installed) << flow.status().message;
  EXPECT_TRUE(fs::exists(*installed / "pack.json"));
  EXPECT_EQ(flow.stage(), UsbInstallFlow::Stage::Outcome);
  flow.dismiss();
  EXPECT_EQ(flow.stage(), UsbInstallFlow::Stage::None);
}

TEST(UsbInstallFlow, WrongPinInstallsNothingAndFiveWrongOnesLockThePrompt) {
  Fixture f;
  UsbInstallFlow flow("2468", f.installer);
  flow.volumesChanged(f.inserted());
  const auto now = Clock::now();
  for (int attempt = 0; attempt < 5; ++attempt) {
    type(flow, "1111", now);
    flow.submitPin(now);
    EXPECT_EQ(flow.stage(), UsbInstallFlow::Stage::AskPin);
    EXPECT_EQ(flow.pinLength(), 0u) << "a wrong PIN is cleared";
  }
  EXPECT_NE(flow.pinMessage().find("minute"), std::string::npos) << flow.pinMessage();
  // Locked: even the right PIN is not taken until the minute is over.
  type(flow, "2468", now + std::chrono::seconds(10));
  flow.submitPin(now + std::chrono::seconds(10));
  EXPECT_EQ(flow.stage(), UsbInstallFlow::Stage::AskPin);
  type(flow, "2468", now + std::chrono::seconds(61));
  flow.submitPin(now + std::chrono::seconds(61));
  EXPECT_EQ(flow.stage(), UsbInstallFlow::Stage::Installing);
}

TEST(UsbInstallFlow, WithoutAStaffPinNothingCanBeInstalled) {
  Fixture f;
  UsbInstallFlow flow("", f.installer);
  flow.volumesChanged(f.inserted());
  ASSERT_EQ(flow.stage(), UsbInstallFlow::Stage::AskPin);  // staff see why nothing happens
  EXPECT_FALSE(flow.pinConfigured());
  flow.submitPin(Clock::now());
  EXPECT_EQ(flow.stage(), UsbInstallFlow::Stage::AskPin);
  EXPECT_FALSE(f.installer.busy());
}

TEST(UsbInstallFlow, StickPulledBeforeThePinClosesThePrompt) {
  Fixture f;
  UsbInstallFlow flow("2468", f.installer);
  flow.volumesChanged(f.inserted());
  type(flow, "24", Clock::now());
  flow.volumesChanged(f.pulled());
  EXPECT_EQ(flow.stage(), UsbInstallFlow::Stage::None);
}

TEST(UsbInstallFlow, StickWithoutAPackIsIgnored) {
  Fixture f;
  fs::remove_all(f.stick / "pack");
  UsbInstallFlow flow("2468", f.installer);
  flow.volumesChanged(f.inserted());
  EXPECT_EQ(flow.stage(), UsbInstallFlow::Stage::None);
}

}  // namespace
}  // namespace etalase::kiosk

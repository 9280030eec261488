// A stick with a pack is only offered: staff (in staff mode, behind the PIN) choose to install
// it, and a stick pulled before that leaves nothing behind.
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

TEST(UsbInstallFlow, StickWithAPackIsOfferedAndInstallsWhenStaffSaySo) {
  Fixture f;
  UsbInstallFlow flow(f.installer);
  flow.volumesChanged(f.inserted());
  ASSERT_EQ(flow.stage(), UsbInstallFlow::Stage::Offer);
  EXPECT_EQ(flow.stickLabel(), "STICK");
  EXPECT_EQ(flow.packOnStick(), f.stick / "pack");
  EXPECT_FALSE(f.installer.busy()) << "nothing is installed before staff choose to";
  flow.install();
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

TEST(UsbInstallFlow, CancellingTheOfferInstallsNothing) {
  Fixture f;
  UsbInstallFlow flow(f.installer);
  flow.volumesChanged(f.inserted());
  flow.cancel();
  EXPECT_EQ(flow.stage(), UsbInstallFlow::Stage::None);
  flow.install();
  EXPECT_FALSE(f.installer.busy());
}

TEST(UsbInstallFlow, StickPulledBeforeInstallingClosesTheOffer) {
  Fixture f;
  UsbInstallFlow flow(f.installer);
  flow.volumesChanged(f.inserted());
  flow.volumesChanged(f.pulled());
  EXPECT_EQ(flow.stage(), UsbInstallFlow::Stage::None);
}

TEST(UsbInstallFlow, StickWithoutAPackIsIgnored) {
  Fixture f;
  fs::remove_all(f.stick / "pack");
  UsbInstallFlow flow(f.installer);
  flow.volumesChanged(f.inserted());
  EXPECT_EQ(flow.stage(), UsbInstallFlow::Stage::None);
}

}  // namespace
}  // namespace etalase::kiosk

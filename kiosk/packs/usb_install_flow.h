// What the kiosk does when a USB stick with a content pack appears: offer it to staff, then
// install through PackInstaller and report. The offer is shown only in staff mode (the PIN is
// asked there), so a visitor who plugs in a stick gets nothing. Pure logic (no ImGui), so the
// rules are tested; screens/install_prompt draws it. UI thread only.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

#include "kiosk/packs/pack_installer.h"
#include "platform/removable_media.h"

namespace etalase::kiosk {

// How the kiosk checks a pack from a stick before it installs it (PackInstaller's validate): as
// `etalase-pack validate` does, decoding each media file in a child process (etalase-pack
// check-media), so a hostile file cannot take the kiosk down.
ValidationOutcome validateForInstall(const std::filesystem::path& pack, const ValidationProgress& progress);

class UsbInstallFlow {
 public:
  enum class Stage { None, Offer, Installing, Outcome };
  using Clock = std::chrono::steady_clock;

  explicit UsbInstallFlow(PackInstaller& installer);

  // Feed the watcher's changes; a stick with a pack on it is offered for installing.
  void volumesChanged(const platform::VolumeChanges& changes);
  // Staff chose to install the pack offered.
  void install();
  void cancel();
  // After the outcome: close it, or go back to the previous pack.
  void dismiss();
  std::optional<Error> rollback();
  // Moves Installing on to Outcome. Returns the new pack folder once, when it is installed.
  std::optional<std::filesystem::path> update();

  Stage stage() const { return m_stage; }
  const std::string& stickLabel() const { return m_stickLabel; }
  const std::filesystem::path& packOnStick() const { return m_pack; }
  const std::string& message() const { return m_message; }  // "Another install is still running."
  InstallStatus status() const { return m_installer.status(); }

 private:
  PackInstaller& m_installer;
  Stage m_stage = Stage::None;
  std::filesystem::path m_mountPoint;
  std::filesystem::path m_pack;
  std::string m_stickLabel;
  std::string m_message;
};

}  // namespace etalase::kiosk

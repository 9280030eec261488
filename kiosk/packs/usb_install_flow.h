// What the kiosk does when a USB stick with a content pack appears: ask for the staff PIN, then
// install through PackInstaller and report. Pure logic (no ImGui), so the rules are tested;
// screens/install_prompt draws it. UI thread only.
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
  enum class Stage { None, AskPin, Installing, Outcome };
  using Clock = std::chrono::steady_clock;

  // An empty PIN means no staff PIN is set: sticks are then only reported, never installed.
  UsbInstallFlow(std::string staffPin, PackInstaller& installer);

  // Feed the watcher's changes; a stick with a pack on it opens the PIN prompt.
  void volumesChanged(const platform::VolumeChanges& changes);
  // PIN entry (digits only; a wrong PIN five times locks the prompt for a minute).
  void typeDigit(char digit, Clock::time_point now);
  void eraseDigit();
  void submitPin(Clock::time_point now);
  void cancel();
  // After the outcome: close it, or go back to the previous pack.
  void dismiss();
  std::optional<Error> rollback();
  // Moves Installing on to Outcome. Returns the new pack folder once, when it is installed.
  std::optional<std::filesystem::path> update();

  Stage stage() const { return m_stage; }
  const std::string& stickLabel() const { return m_stickLabel; }
  const std::filesystem::path& packOnStick() const { return m_pack; }
  std::size_t pinLength() const { return m_typed.size(); }
  bool pinConfigured() const { return !m_staffPin.empty(); }
  const std::string& pinMessage() const { return m_pinMessage; }  // "Wrong PIN", the lock-out
  InstallStatus status() const { return m_installer.status(); }

 private:
  std::string m_staffPin;
  PackInstaller& m_installer;
  Stage m_stage = Stage::None;
  std::filesystem::path m_mountPoint;
  std::filesystem::path m_pack;
  std::string m_stickLabel;
  std::string m_typed;
  std::string m_pinMessage;
  int m_wrongAttempts = 0;
  Clock::time_point m_lockedUntil{};
};

}  // namespace etalase::kiosk

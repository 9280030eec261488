// The USB install flow's rules.
#include "usb_install_flow.h"

#include <fmt/format.h>

#include <algorithm>
#include <system_error>

#include "kiosk/packs/pack_validator.h"
#include "media/log.h"

#ifndef ETALASE_PACK_TOOL
#define ETALASE_PACK_TOOL "etalase-pack"
#endif

namespace etalase::kiosk {

namespace fs = std::filesystem;

namespace {
constexpr int kAttemptsBeforeLockOut = 5;
constexpr auto kLockOut = std::chrono::minutes(1);
constexpr std::size_t kMaxPinLength = 12;

// etalase-pack check-media: beside the kiosk when installed, else the one built with it.
std::vector<std::string> mediaChecker() {
  std::error_code ec;
  const fs::path beside = fs::read_symlink("/proc/self/exe", ec).parent_path() / "etalase-pack";
  if (!ec && fs::is_regular_file(beside, ec)) return {beside.string(), "check-media"};
  if (fs::is_regular_file(ETALASE_PACK_TOOL, ec)) return {ETALASE_PACK_TOOL, "check-media"};
  return {"etalase-pack", "check-media"};  // from PATH
}
}  // namespace

ValidationOutcome validateForInstall(const fs::path& pack, const ValidationProgress& progress) {
  ValidateOptions options;
  options.mediaChecker = mediaChecker();
  bool stop = false;
  options.progress = [&](const MediaCheckProgress& step) {
    stop = !progress(static_cast<double>(step.index - 1) / std::max(1, step.count), step.file);
  };
  options.cancelled = [&] { return stop || !progress(-1.0, {}); };
  const PackReport report = validatePack(pack, options);
  ValidationOutcome outcome;
  outcome.passed = report.passed();
  for (const PackProblem& problem : report.problems) {
    if (!problem.fatal && !outcome.passed) continue;  // errors first: they are why it failed
    outcome.problems.push_back(fmt::format("{}{}{}: {}", problem.file, problem.field.empty() ? "" : ": ",
                                           problem.field, problem.what));
  }
  return outcome;
}

UsbInstallFlow::UsbInstallFlow(std::string staffPin, PackInstaller& installer)
    : m_staffPin(std::move(staffPin)), m_installer(installer) {}

void UsbInstallFlow::volumesChanged(const platform::VolumeChanges& changes) {
  for (const auto& removed : changes.removed) {
    // A stick pulled before the PIN was given: nothing to ask any more. During a copy the
    // installer notices by itself and reports it.
    if (m_stage == Stage::AskPin && removed.mountPoint == m_mountPoint) cancel();
  }
  // "Insert it again to retry": a stick arriving while an outcome is shown starts afresh.
  if (m_stage == Stage::Outcome && !changes.added.empty() && !m_installer.busy()) dismiss();
  if (m_stage != Stage::None) return;
  for (const auto& added : changes.added) {
    const auto candidates = platform::findPackCandidates(added.mountPoint);
    if (candidates.empty()) {
      log::info("USB stick {} holds no content pack", added.mountPoint.string());
      continue;
    }
    m_mountPoint = added.mountPoint;
    m_pack = candidates.front();
    m_stickLabel = added.label;
    m_typed.clear();
    m_pinMessage.clear();
    m_stage = Stage::AskPin;
    log::info("content pack found on USB stick: {}", m_pack.string());
    return;
  }
}

void UsbInstallFlow::typeDigit(char digit, Clock::time_point now) {
  if (m_stage != Stage::AskPin || digit < '0' || digit > '9' || now < m_lockedUntil) return;
  if (m_typed.size() < kMaxPinLength) m_typed += digit;
}

void UsbInstallFlow::eraseDigit() {
  if (!m_typed.empty()) m_typed.pop_back();
}

void UsbInstallFlow::submitPin(Clock::time_point now) {
  if (m_stage != Stage::AskPin || !pinConfigured()) return;
  if (now < m_lockedUntil) return;
  if (m_typed != m_staffPin) {
    m_typed.clear();
    if (++m_wrongAttempts >= kAttemptsBeforeLockOut) {
      m_wrongAttempts = 0;
      m_lockedUntil = now + kLockOut;
      m_pinMessage = "Too many wrong PINs: try again in a minute.";
    } else {
      m_pinMessage = "Wrong PIN.";
    }
    log::warn("USB install: wrong staff PIN");
    return;
  }
  m_wrongAttempts = 0;
  m_typed.clear();
  m_pinMessage.clear();
  if (!m_installer.start(m_pack)) {
    m_pinMessage = "Another install is still running.";
    return;
  }
  m_stage = Stage::Installing;
}

void UsbInstallFlow::cancel() {
  if (m_stage == Stage::Installing) {
    m_installer.cancel();
    return;  // it ends Failed ("cancelled") and the outcome is shown
  }
  m_stage = Stage::None;
  m_typed.clear();
}

void UsbInstallFlow::dismiss() {
  if (m_stage != Stage::Outcome) return;
  m_installer.dismiss();
  m_stage = Stage::None;
}

std::optional<Error> UsbInstallFlow::rollback() { return m_installer.rollback(); }

std::optional<std::filesystem::path> UsbInstallFlow::update() {
  if (m_stage != Stage::Installing) return std::nullopt;
  const InstallStatus status = m_installer.status();
  if (status.state == InstallState::Done) {
    m_stage = Stage::Outcome;
    return status.installedPack;
  }
  if (status.state == InstallState::Failed) m_stage = Stage::Outcome;
  return std::nullopt;
}

}  // namespace etalase::kiosk

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

UsbInstallFlow::UsbInstallFlow(PackInstaller& installer) : m_installer(installer) {}

void UsbInstallFlow::volumesChanged(const platform::VolumeChanges& changes) {
  for (const auto& removed : changes.removed) {
    // A stick pulled before staff installed from it: nothing to offer any more. During a copy
    // the installer notices by itself and reports it.
    if (m_stage == Stage::Offer && removed.mountPoint == m_mountPoint) cancel();
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
    m_message.clear();
    m_stage = Stage::Offer;
    log::info("content pack found on USB stick: {} (offered in staff mode)", m_pack.string());
    return;
  }
}

void UsbInstallFlow::install() {
  if (m_stage != Stage::Offer) return;
  if (!m_installer.start(m_pack)) {
    m_message = "Another install is still running.";
    return;
  }
  m_message.clear();
  m_stage = Stage::Installing;
}

void UsbInstallFlow::cancel() {
  if (m_stage == Stage::Installing) {
    m_installer.cancel();
    return;  // it ends Failed ("cancelled") and the outcome is shown
  }
  m_stage = Stage::None;
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

// Installs a content pack from a USB stick on a worker thread: copy into the packs folder (every
// file and folder synced), validate that copy, give it its name, then switch `current` to it; the pack
// shown before stays as `previous`. Any failure (a bad pack, a pulled stick, a full disk) changes
// nothing and leaves a message for staff. The UI thread polls status() each frame.
// Dot-files and Windows' system folders on the stick are not part of a pack and are skipped;
// links and special files are refused.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "kiosk/packs/pack_store.h"
#include "media/error.h"

namespace etalase::kiosk {

struct ValidationOutcome {
  bool passed = false;
  std::string packId;                 // pack.id; read from pack.json when left empty
  std::vector<std::string> problems;  // one line each, for staff (errors, and warnings if passed)
};

// Called by the validator as it goes. Returns false once the install was cancelled: a validator
// that can stop early should, with any outcome (it is discarded). A negative fraction only asks
// whether to go on (while one long file is being checked).
using ValidationProgress = std::function<bool(double fraction, const std::string& item)>;
using PackValidatorFn =
    std::function<ValidationOutcome(const std::filesystem::path& pack, const ValidationProgress&)>;

enum class InstallState { Idle, Copying, Validating, Switching, Done, Failed };

struct InstallStatus {
  InstallState state = InstallState::Idle;
  double fraction = 0.0;    // 0..1 through the current step (validating or copying)
  std::string currentFile;  // relative to the pack: the file being checked or copied
  std::uintmax_t bytesCopied = 0;
  std::uintmax_t bytesTotal = 0;
  std::string message;                                 // for staff when Done or Failed
  std::vector<std::string> problems;                   // from validation
  std::optional<std::filesystem::path> installedPack;  // when Done: the new current folder
};

struct InstallerOptions {
  PackValidatorFn validate;
  // Free bytes on the file system holding a folder (std::filesystem::space by default).
  std::function<Result<std::uintmax_t>(const std::filesystem::path&)> freeSpace;
  // Kept free beyond the pack itself, for logs and leads.
  std::uintmax_t spaceMargin = 64ull * 1000 * 1000;
  // Test hook, called on the worker thread after each file is copied (relative path).
  std::function<void(const std::filesystem::path&)> afterFileCopied;
};

class PackInstaller {
 public:
  // `dataDirectory` as for PackStore (platform::dataDirectory() in the app).
  PackInstaller(const std::filesystem::path& dataDirectory, InstallerOptions options);
  // Cancels a running install and waits for it (for as long as a validator that ignores
  // ValidationProgress's answer takes).
  ~PackInstaller();
  PackInstaller(const PackInstaller&) = delete;
  PackInstaller& operator=(const PackInstaller&) = delete;

  // start, cancel, dismiss and rollback are for one thread (the UI's); status() for any.
  // Starts installing the pack folder `source` (e.g. from findPackCandidates()). False, and
  // nothing started, while another install is running.
  bool start(const std::filesystem::path& source);
  // Asks a running install to stop; it ends Failed, with nothing changed.
  void cancel();
  // Thread-safe; cheap enough for every frame.
  InstallStatus status() const;
  bool busy() const;
  // Back to Idle once staff have read the outcome (ignored while busy).
  void dismiss();

  // For staff's "go back": swaps current and previous. Refused while an install runs.
  [[nodiscard]] std::optional<Error> rollback();
  const PackStore& store() const { return m_store; }

 private:
  void run(std::filesystem::path source);
  void update(const std::function<void(InstallStatus&)>& change);
  void finish(InstallState state, std::string message);
  bool cancelled() const { return m_cancel.load(); }

  PackStore m_store;
  InstallerOptions m_options;
  mutable std::mutex m_mutex;  // guards m_status and m_running
  InstallStatus m_status;
  bool m_running = false;
  std::atomic<bool> m_cancel{false};
  std::thread m_thread;
};

}  // namespace etalase::kiosk

// The install job: validate, copy (synced), commit, switch; on any failure, nothing changes.
#include "pack_installer.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <exception>
#include <fstream>
#include <nlohmann/json.hpp>
#include <system_error>

#include "kiosk/catalog/catalog.h"
#include "kiosk/catalog/json_document.h"
#include "media/log.h"
#include "platform/unique_fd.h"

namespace etalase::kiosk {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr size_t kChunkBytes = 1 << 20;

// Why an install stopped, for staff. "Nothing was changed" is added by the caller.
struct Failure {
  std::string what;
  bool insertAgain = false;  // worth retrying with the stick put back
};

struct PlannedFile {
  fs::path relative;
  std::uintmax_t size = 0;
};

struct CopyPlan {
  std::vector<fs::path> folders;  // relative, parents before children
  std::vector<PlannedFile> files;
  std::uintmax_t totalBytes = 0;
};

// What operating systems leave on sticks (.Trashes, ._* and .fseventsd from macOS, Windows'
// system folders, ext4's lost+found): not part of the pack, often unreadable, never copied.
bool isSystemClutter(const fs::path& name) {
  const std::string text = name.string();
  return (!text.empty() && text.front() == '.') || text == "System Volume Information" ||
         text == "$RECYCLE.BIN" || text == "lost+found";
}

// Errors a read gives when the stick is pulled out (or its file system went with it).
bool isMediaGone(int error) {
  return error == ENOENT || error == EIO || error == ENODEV || error == ENXIO || error == ESTALE ||
         error == ENOTCONN;
}

bool stillThere(const fs::path& path) { return access(path.c_str(), F_OK) == 0; }

Failure readFailure(const fs::path& source, const std::string& doing, const fs::path& file,
                    int error) {
  if (isMediaGone(error) || !stillThere(source))
    return {fmt::format("The USB stick was removed while {}.", doing), true};
  return {fmt::format("Could not read {} on the USB stick: {}.", file.string(),
                      std::generic_category().message(error))};
}

Failure writeFailure(const fs::path& file, int error) {
  return {fmt::format("Could not save {} on the kiosk: {}.", file.string(),
                      std::generic_category().message(error))};
}

Failure cancelledFailure() { return {"Installing was cancelled."}; }

std::string megabytes(std::uintmax_t bytes, bool roundUp) {
  const double mb = static_cast<double>(bytes) / 1e6;
  return fmt::format("{:.0f}", roundUp ? std::ceil(mb) : std::floor(mb));
}

// pack.json as JSON, or null if missing, too large or not JSON.
json readManifest(const fs::path& pack) {
  const fs::path file = pack / kManifestName;
  std::error_code ec;
  const std::uintmax_t size = fs::file_size(file, ec);
  if (ec || size > kMaxManifestBytes) return nullptr;
  std::ifstream in(file, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  Result<json> manifest = parseJsonDocument(text, file.string());
  return manifest ? manifest.value() : json(nullptr);
}

// The manifest's "pack" object, or null.
json packSection(const json& manifest) {
  const json pack = manifest.is_object() ? manifest.value("pack", json()) : json();
  return pack.is_object() ? pack : json();
}

std::string stringField(const json& object, const char* key) {
  const json value = object.is_object() ? object.value(key, json()) : json();
  return value.is_string() ? value.get<std::string>() : std::string();
}

std::string manifestPackId(const json& manifest) {
  return stringField(packSection(manifest), "id");
}

// The pack's English title (else any), else its id, else the folder name, in quotes.
std::string packDisplayName(const fs::path& pack) {
  const json section = packSection(readManifest(pack));
  LocalizedText title;
  if (section.is_object() && section.value("title", json()).is_object()) {
    for (const auto& [language, text] : section["title"].items()) {
      if (text.is_string()) title[language] = text.get<std::string>();
    }
  }
  std::string name = localized(title, "en", "en");
  if (name.empty()) name = stringField(section, "id");
  if (name.empty()) name = pack.filename().string();
  return "\u201c" + printable(name) + "\u201d";
}

// Removes a folder (a half-made copy, or one not switched to) unless kept.
class ScratchFolder {
 public:
  explicit ScratchFolder(fs::path path) : m_path(std::move(path)) {}
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;
  ~ScratchFolder() {
    if (m_path.empty()) return;
    std::error_code ec;
    fs::remove_all(m_path, ec);
    if (ec)
      log::warn("cannot remove {}: {} (removed at next start)", m_path.string(), ec.message());
  }
  const fs::path& path() const { return m_path; }
  void keep() { m_path.clear(); }

 private:
  fs::path m_path;
};

std::optional<Failure> planCopy(const fs::path& source, CopyPlan& plan) {
  std::error_code ec;
  fs::recursive_directory_iterator it(source, fs::directory_options::none, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::path relative = it->path().lexically_relative(source);
    std::error_code statusError;
    const fs::file_status status = it->symlink_status(statusError);
    if (statusError)
      return readFailure(source, "listing the pack's files", relative, statusError.value());
    if (isSystemClutter(it->path().filename())) {
      if (fs::is_directory(status)) it.disable_recursion_pending();
      continue;
    }
    if (fs::is_directory(status)) {
      plan.folders.push_back(relative);
    } else if (fs::is_regular_file(status)) {
      const std::uintmax_t size = it->file_size(statusError);
      if (statusError)
        return readFailure(source, "listing the pack's files", relative, statusError.value());
      plan.files.push_back({relative, size});
      plan.totalBytes += size;
    } else {
      const char* kind = fs::is_symlink(status) ? "a link" : "not a plain file";
      return Failure{
          fmt::format("The pack holds {}, which is {}: the kiosk copies only plain files.",
                      relative.string(), kind)};
    }
  }
  if (ec) return readFailure(source, "listing the pack's files", source.filename(), ec.value());
  std::sort(plan.folders.begin(), plan.folders.end());
  std::sort(plan.files.begin(), plan.files.end(),
            [](const auto& a, const auto& b) { return a.relative < b.relative; });
  return std::nullopt;
}

struct CopyContext {
  fs::path source;
  fs::path target;
  std::vector<char> buffer = std::vector<char>(kChunkBytes);
  std::function<bool(std::uintmax_t bytes)> advanced;  // false: cancelled
};

bool writeAll(int fd, const char* data, size_t size) {
  while (size > 0) {
    const ssize_t written = write(fd, data, size);
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) {
      if (written == 0) errno = EIO;  // no progress and no reason given
      return false;
    }
    data += written;
    size -= static_cast<size_t>(written);
  }
  return true;
}

std::optional<Failure> copyFile(CopyContext& context, const PlannedFile& file) {
  const std::string doing = "copying " + file.relative.string();
  // Checked again here: the stick may have changed since it was listed. O_NONBLOCK so a pipe
  // swapped in cannot hang the job (it does nothing to plain files).
  platform::UniqueFd in(open((context.source / file.relative).c_str(),
                             O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK));
  if (!in) return readFailure(context.source, doing, file.relative, errno);
  struct stat info;
  if (fstat(in.get(), &info) != 0) return readFailure(context.source, doing, file.relative, errno);
  if (!S_ISREG(info.st_mode)) {
    return Failure{fmt::format("{} on the USB stick is not a plain file.", file.relative.string())};
  }
  const fs::path targetFile = context.target / file.relative;
  platform::UniqueFd out(open(targetFile.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
  if (!out) return writeFailure(file.relative, errno);
  std::uintmax_t copied = 0;
  for (;;) {
    const ssize_t got = read(in.get(), context.buffer.data(), context.buffer.size());
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return readFailure(context.source, doing, file.relative, errno);
    if (got == 0) break;
    if (!writeAll(out.get(), context.buffer.data(), static_cast<size_t>(got)))
      return writeFailure(file.relative, errno);
    copied += static_cast<std::uintmax_t>(got);
    if (!context.advanced(static_cast<std::uintmax_t>(got))) return cancelledFailure();
  }
  // A file that shrank or grew was being changed (or its stick was failing): not a faithful copy.
  if (copied != file.size) {
    return Failure{fmt::format("{} changed on the USB stick while it was being copied.",
                               file.relative.string()),
                   true};
  }
  if (fsync(out.get()) != 0 || out.close() != 0) return writeFailure(file.relative, errno);
  return std::nullopt;
}

struct InstallJob {
  const PackStore& store;
  const InstallerOptions& options;
  std::function<void(const std::function<void(InstallStatus&)>&)> update;
  std::function<bool()> cancelled;
};

// The steps, on the worker thread. Anything made on the way is removed before this returns.
std::optional<Failure> install(const InstallJob& job, const fs::path& source) {
  if (!job.options.validate)
    return Failure{"The kiosk has no pack checker, so it installs nothing."};
  // (a) Copy, after checking there is room. The copy, not the stick, is what gets checked: a
  // stick can answer differently on a second read, FAT ignores letter case where the kiosk's
  // disk does not, and a stick pulled during the check then changes nothing.
  CopyPlan plan;
  if (auto failure = planCopy(source, plan)) return failure;
  std::error_code ec;
  fs::create_directories(job.store.packsDirectory(), ec);
  if (ec)
    return Failure{
        fmt::format("Could not create {}: {}.", job.store.packsDirectory().string(), ec.message())};
  const Result<std::uintmax_t> available = job.options.freeSpace(job.store.packsDirectory());
  if (!available) return Failure{available.error().text() + "."};
  const std::uintmax_t needed = plan.totalBytes + job.options.spaceMargin;
  if (available.value() < needed) {
    return Failure{fmt::format("Not enough space on the kiosk: need {} MB, have {} MB.",
                               megabytes(needed, true), megabytes(available.value(), false))};
  }
  Result<fs::path> created = job.store.createIncoming();
  if (!created) return Failure{created.error().text() + "."};
  ScratchFolder incoming(created.value());
  job.update([&](InstallStatus& s) {
    s.state = InstallState::Copying;
    s.fraction = 0.0;
    s.bytesTotal = plan.totalBytes;
  });
  for (const fs::path& folder : plan.folders) {
    if (mkdir((incoming.path() / folder).c_str(), 0755) != 0) return writeFailure(folder, errno);
  }
  CopyContext context;
  context.source = source;
  context.target = incoming.path();
  context.advanced = [&](std::uintmax_t bytes) {
    job.update([&](InstallStatus& s) {
      s.bytesCopied += bytes;
      s.fraction = s.bytesTotal
                       ? static_cast<double>(s.bytesCopied) / static_cast<double>(s.bytesTotal)
                       : 1.0;
    });
    return !job.cancelled();
  };
  for (const PlannedFile& file : plan.files) {
    if (job.cancelled()) return cancelledFailure();
    job.update([&](InstallStatus& s) { s.currentFile = file.relative.string(); });
    if (auto failure = copyFile(context, file)) return failure;
    if (job.options.afterFileCopied) job.options.afterFileCopied(file.relative);
  }
  // Deepest folders first, so each folder's entry in its parent is synced after its contents.
  for (auto folder = plan.folders.rbegin(); folder != plan.folders.rend(); ++folder) {
    if (auto error = syncDirectory(incoming.path() / *folder)) return Failure{error->text() + "."};
  }
  if (auto error = syncDirectory(incoming.path())) return Failure{error->text() + "."};

  // (b) Validate the copy.
  job.update([&](InstallStatus& s) {
    s.state = InstallState::Validating;
    s.fraction = 0.0;
  });
  const ValidationProgress progress = [&job](double fraction, const std::string& item) {
    if (fraction >= 0.0) {
      job.update([&](InstallStatus& s) {
        s.fraction = std::clamp(fraction, 0.0, 1.0);
        s.currentFile = item;
      });
    }
    return !job.cancelled();
  };
  ValidationOutcome outcome = job.options.validate(incoming.path(), progress);
  if (job.cancelled()) return cancelledFailure();
  job.update([&](InstallStatus& s) { s.problems = outcome.problems; });
  if (!outcome.passed) {
    return Failure{
        fmt::format("This pack did not pass the check ({} problem{}), so it was not installed.",
                    outcome.problems.size(), outcome.problems.size() == 1 ? "" : "s")};
  }

  // (c) Give the copy its name; (d) show it.
  if (job.cancelled()) return cancelledFailure();
  job.update([&](InstallStatus& s) {
    s.state = InstallState::Switching;
    s.fraction = 1.0;
    s.currentFile.clear();
  });
  const std::string packId =
      outcome.packId.empty() ? manifestPackId(readManifest(incoming.path())) : outcome.packId;
  Result<fs::path> committed = job.store.commitIncoming(incoming.path(), packId);
  if (!committed) return Failure{committed.error().text() + "."};
  incoming.keep();
  ScratchFolder unswitched(committed.value());  // removed if the switch fails: nothing points to it
  if (auto error = job.store.makeCurrent(committed.value())) {
    // Only a failed sync after the link was replaced leaves the new pack shown: keep it then.
    const std::optional<fs::path> nowShown = job.store.currentPack();
    std::error_code sameError;
    if (!nowShown || !fs::equivalent(*nowShown, committed.value(), sameError))
      return Failure{error->text() + "."};
    log::warn("switched packs, but: {}", error->text());
  }
  unswitched.keep();
  job.update([&](InstallStatus& s) { s.installedPack = committed.value(); });
  return std::nullopt;
}

}  // namespace

PackInstaller::PackInstaller(const fs::path& dataDirectory, InstallerOptions options)
    : m_store(dataDirectory), m_options(std::move(options)) {
  if (!m_options.freeSpace) {
    m_options.freeSpace = [](const fs::path& folder) -> Result<std::uintmax_t> {
      std::error_code ec;
      const fs::space_info space = fs::space(folder, ec);
      if (ec) return Error{folder.string(), "cannot tell the free space: " + ec.message()};
      return space.available;
    };
  }
}

PackInstaller::~PackInstaller() {
  m_cancel = true;
  if (m_thread.joinable()) m_thread.join();
}

bool PackInstaller::start(const fs::path& source) {
  if (busy()) return false;
  if (m_thread.joinable()) m_thread.join();  // the last job has finished; its thread ends at once
  {
    std::lock_guard lock(m_mutex);
    m_status = InstallStatus{};
    m_status.state = InstallState::Copying;
    m_running = true;
  }
  m_cancel = false;
  m_thread = std::thread([this, source] { run(source); });
  return true;
}

void PackInstaller::cancel() { m_cancel = true; }

InstallStatus PackInstaller::status() const {
  std::lock_guard lock(m_mutex);
  return m_status;
}

bool PackInstaller::busy() const {
  std::lock_guard lock(m_mutex);
  return m_running;
}

void PackInstaller::dismiss() {
  std::lock_guard lock(m_mutex);
  if (!m_running) m_status = InstallStatus{};
}

std::optional<Error> PackInstaller::rollback() {
  if (busy()) return Error{"", "a pack is being installed; wait for it to finish"};
  return m_store.rollback();
}

void PackInstaller::update(const std::function<void(InstallStatus&)>& change) {
  std::lock_guard lock(m_mutex);
  change(m_status);
}

void PackInstaller::finish(InstallState state, std::string message) {
  if (state == InstallState::Failed) {
    log::warn("pack install failed: {}", message);
  } else {
    log::info("{}", message);
  }
  std::lock_guard lock(m_mutex);
  m_status.state = state;
  m_status.message = std::move(message);
  m_running = false;
}

void PackInstaller::run(fs::path source) {
  log::info("installing the pack from {}", source.string());
  const std::optional<fs::path> shown = m_store.currentPack();
  const InstallJob job{m_store, m_options, [this](const auto& change) { update(change); },
                       [this] { return cancelled(); }};
  std::optional<Failure> failure;
  try {
    failure = install(job, source);
  } catch (const std::exception& e) {
    failure = Failure{fmt::format("Installing failed: {}.", e.what())};
  }
  // Only now, with any half-made copy removed, may the UI see the outcome (and start again).
  if (failure) {
    const std::string unchanged =
        shown ? fmt::format(" Nothing was changed; the kiosk still shows {}.",
                            packDisplayName(*shown))
              : std::string(" Nothing was changed.");
    finish(InstallState::Failed,
           failure->what + unchanged + (failure->insertAgain ? " Insert it again to retry." : ""));
    return;
  }
  const std::string kept =
      shown ? fmt::format("; {} is kept, to go back to", packDisplayName(*shown)) : "";
  finish(InstallState::Done,
         fmt::format("Installed {}{}.", packDisplayName(*status().installedPack), kept));
}

}  // namespace etalase::kiosk

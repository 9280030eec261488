// The packs folder: installed copies, the current/previous links, clean-up.
#include "pack_store.h"

#include <fcntl.h>
#include <stdio.h>  // renameat2
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <ctime>
#include <system_error>
#include <vector>

#include "media/log.h"
#include "platform/unique_fd.h"

namespace etalase::kiosk {

namespace fs = std::filesystem;

namespace {

Error systemError(const fs::path& where, const std::string& doing, int error) {
  return Error{where.string(), doing + ": " + std::generic_category().message(error)};
}

Error filesystemError(const fs::path& where, const std::string& doing, const std::error_code& ec) {
  return Error{where.string(), doing + ": " + ec.message()};
}

bool isHidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return !name.empty() && name.front() == '.';
}

std::string localTimestamp() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char text[32];
  std::strftime(text, sizeof text, "%Y%m%d-%H%M%S", &local);
  return text;
}

// Renames without ever replacing what is at `to`; false with errno EEXIST when it is taken.
bool renameNoReplace(const fs::path& from, const fs::path& to) {
  if (renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return true;
  if (errno != EINVAL && errno != ENOSYS) return false;
  // A file system without RENAME_NOREPLACE: only this process installs, so check then rename.
  struct stat existing;
  if (lstat(to.c_str(), &existing) == 0) {
    errno = EEXIST;
    return false;
  }
  return std::rename(from.c_str(), to.c_str()) == 0;
}

}  // namespace

std::optional<Error> syncDirectory(const fs::path& directory) {
  platform::UniqueFd fd(open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!fd) return systemError(directory, "cannot open folder to sync it", errno);
  if (fsync(fd.get()) != 0) return systemError(directory, "cannot sync folder to disk", errno);
  return std::nullopt;
}

std::string packFolderStem(const std::string& packId) {
  std::string stem;
  for (char c : packId) {
    const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_' || c == '.';
    if (stem.empty() && c == '.') continue;  // a leading dot would hide it like an incoming folder
    stem += safe ? c : '_';
    if (stem.size() == 64) break;
  }
  return stem.empty() ? "pack" : stem;
}

PackStore::PackStore(const fs::path& dataDirectory) : m_packs(dataDirectory / kPacksFolder) {}

std::optional<Error> PackStore::recover() const {
  std::error_code ec;
  fs::create_directories(m_packs, ec);
  if (ec) return filesystemError(m_packs, "cannot create the packs folder", ec);
  bool removedAny = false;
  for (fs::directory_iterator it(m_packs, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.rfind(kIncomingPrefix, 0) != 0 && name.rfind(".link-", 0) != 0) continue;
    std::error_code removeError;
    fs::remove_all(it->path(), removeError);
    if (removeError)
      return filesystemError(it->path(), "cannot remove what an interrupted install left",
                             removeError);
    log::info("removed {} left by an interrupted install", it->path().string());
    removedAny = true;
  }
  if (ec) return filesystemError(m_packs, "cannot list the packs folder", ec);
  return removedAny ? syncDirectory(m_packs) : std::nullopt;
}

std::optional<std::string> PackStore::linkTarget(const char* link) const {
  std::error_code ec;
  const fs::path target = fs::read_symlink(m_packs / link, ec);
  if (ec) return std::nullopt;
  return target.string();
}

std::optional<fs::path> PackStore::resolve(const char* link) const {
  const std::optional<std::string> target = linkTarget(link);
  if (!target) return std::nullopt;
  const fs::path folder = (m_packs / *target).lexically_normal();
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) return std::nullopt;
  return folder;
}

std::optional<fs::path> PackStore::currentPack() const { return resolve(kCurrentLink); }
std::optional<fs::path> PackStore::previousPack() const { return resolve(kPreviousLink); }

Result<fs::path> PackStore::createIncoming() const {
  std::error_code ec;
  fs::create_directories(m_packs, ec);
  if (ec) return filesystemError(m_packs, "cannot create the packs folder", ec);
  std::string pattern = (m_packs / (std::string(kIncomingPrefix) + "XXXXXX")).string();
  if (!mkdtemp(pattern.data()))
    return systemError(m_packs, "cannot create a folder to copy the pack into", errno);
  return fs::path(pattern);
}

Result<fs::path> PackStore::commitIncoming(const fs::path& incoming,
                                           const std::string& packId) const {
  const std::string base = packFolderStem(packId) + "-" + localTimestamp();
  for (int n = 1; n < 1000; ++n) {
    const fs::path target = m_packs / (n == 1 ? base : base + "-" + std::to_string(n));
    if (renameNoReplace(incoming, target)) {
      if (auto error = syncDirectory(m_packs)) return *error;
      return target;
    }
    if (errno != EEXIST && errno != ENOTEMPTY)
      return systemError(target, "cannot move the copied pack into place", errno);
  }
  return Error{(m_packs / base).string(), "too many packs installed with this name in one second"};
}

std::optional<Error> PackStore::pointLink(const char* link, const std::string& folderName) const {
  // Made beside the link, then renamed over it: rename() replaces it in one step.
  const fs::path temporary = m_packs / (std::string(".link-") + link);
  if (unlink(temporary.c_str()) != 0 && errno != ENOENT)
    return systemError(temporary, "cannot remove an old link", errno);
  if (symlink(folderName.c_str(), temporary.c_str()) != 0)
    return systemError(temporary, "cannot create a link", errno);
  if (std::rename(temporary.c_str(), (m_packs / link).c_str()) != 0) {
    const int error = errno;
    unlink(temporary.c_str());
    return systemError(m_packs / link, "cannot switch the link", error);
  }
  return syncDirectory(m_packs);
}

std::optional<Error> PackStore::makeCurrent(const fs::path& pack) const {
  if (pack.lexically_normal().parent_path() != m_packs.lexically_normal()) {
    return Error{pack.string(), "not a folder inside " + m_packs.string()};
  }
  // previous first: a power cut between the two leaves the old pack shown (and kept).
  if (currentPack()) {
    if (auto error = pointLink(kPreviousLink, *linkTarget(kCurrentLink))) return error;
  }
  if (auto error = pointLink(kCurrentLink, pack.filename().string())) return error;
  if (auto error = collectGarbage()) log::warn("after switching packs: {}", error->text());
  return std::nullopt;
}

std::optional<Error> PackStore::rollback() const {
  if (!currentPack()) return Error{(m_packs / kCurrentLink).string(), "no pack is installed"};
  if (!previousPack())
    return Error{(m_packs / kPreviousLink).string(), "there is no previous pack to go back to"};
  const fs::path current = m_packs / kCurrentLink;
  const fs::path previous = m_packs / kPreviousLink;
  if (renameat2(AT_FDCWD, current.c_str(), AT_FDCWD, previous.c_str(), RENAME_EXCHANGE) == 0) {
    return syncDirectory(m_packs);
  }
  if (errno != EINVAL && errno != ENOSYS)
    return systemError(current, "cannot swap current and previous", errno);
  // No atomic exchange on this file system: current first, so the rollback shows at once.
  const std::string wasCurrent = *linkTarget(kCurrentLink);
  if (auto error = pointLink(kCurrentLink, *linkTarget(kPreviousLink))) return error;
  return pointLink(kPreviousLink, wasCurrent);
}

std::optional<Error> PackStore::collectGarbage() const {
  // Never guess: if a link exists but cannot be read, delete nothing.
  std::vector<fs::path> kept;
  for (const char* link : {kCurrentLink, kPreviousLink}) {
    std::error_code ec;
    const fs::file_status status = fs::symlink_status(m_packs / link, ec);
    if (ec && ec != std::errc::no_such_file_or_directory)
      return filesystemError(m_packs / link, "cannot read link", ec);
    if (!fs::exists(status)) continue;
    if (!fs::is_symlink(status) || !linkTarget(link))
      return Error{(m_packs / link).string(), "is not a readable link"};
    if (auto folder = resolve(link)) kept.push_back(*folder);
  }
  std::error_code ec;
  bool removedAny = false;
  for (fs::directory_iterator it(m_packs, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code typeError;
    if (isHidden(it->path()) || it->is_symlink(typeError) || !it->is_directory(typeError)) continue;
    bool isKept = false;
    for (const fs::path& folder : kept) {
      std::error_code sameError;
      isKept = isKept || fs::equivalent(it->path(), folder, sameError) || sameError;
    }
    if (isKept) continue;
    std::error_code removeError;
    fs::remove_all(it->path(), removeError);
    if (removeError) return filesystemError(it->path(), "cannot remove an old pack", removeError);
    log::info("removed old pack {}", it->path().string());
    removedAny = true;
  }
  if (ec) return filesystemError(m_packs, "cannot list the packs folder", ec);
  return removedAny ? syncDirectory(m_packs) : std::nullopt;
}

}  // namespace etalase::kiosk

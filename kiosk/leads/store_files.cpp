#include "kiosk/leads/store_files.h"

#include <fcntl.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace etalase::leads {

namespace fs = std::filesystem;

namespace {

Error systemError(const fs::path& path, std::string_view what, int error) {
  return Error{path.string(), std::string(what) + ": " + std::strerror(error)};
}

fs::path folderOf(const fs::path& file) {
  return file.has_parent_path() ? file.parent_path() : fs::path(".");
}

// A file descriptor closed when it goes out of scope.
class Descriptor {
 public:
  explicit Descriptor(int fd) : m_fd(fd) {}
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  ~Descriptor() {
    if (m_fd >= 0) ::close(m_fd);
  }
  int get() const { return m_fd; }
  // Closes now and reports what close() said (on NFS and some disks, write errors show up here).
  int close() {
    const int rc = ::close(std::exchange(m_fd, -1));
    return rc == 0 ? 0 : errno;
  }

 private:
  int m_fd;
};

std::optional<Error> writeAll(int fd, const fs::path& path, std::string_view content) {
  while (!content.empty()) {
    const ssize_t n = ::write(fd, content.data(), content.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return systemError(path, "writing", errno);
    content.remove_prefix(static_cast<std::size_t>(n));
  }
  return std::nullopt;
}

}  // namespace

Result<std::uint64_t> freeBytes(const fs::path& path) {
  struct statvfs info {};
  if (::statvfs(path.c_str(), &info) != 0) return systemError(path, "reading free space", errno);
  return static_cast<std::uint64_t>(info.f_bavail) * info.f_frsize;
}

std::optional<Error> syncFolder(const fs::path& folder) {
  Descriptor fd(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0) return systemError(folder, "opening the folder to sync it", errno);
  if (::fsync(fd.get()) != 0) return systemError(folder, "syncing the folder", errno);
  return std::nullopt;
}

std::optional<Error> syncFile(const fs::path& file) {
  Descriptor fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) return systemError(file, "opening the file to sync it", errno);
  if (::fsync(fd.get()) != 0) return systemError(file, "syncing", errno);
  return std::nullopt;
}

std::optional<Error> replaceFileAtomically(const fs::path& file, std::string_view content) {
  const fs::path temporary = fs::path(file) += ".tmp";
  {
    Descriptor fd(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600));
    if (fd.get() < 0) return systemError(temporary, "creating", errno);
    std::optional<Error> error = writeAll(fd.get(), temporary, content);
    if (!error && ::fsync(fd.get()) != 0) error = systemError(temporary, "syncing", errno);
    if (const int closeError = fd.close(); !error && closeError != 0) {
      error = systemError(temporary, "closing", closeError);
    }
    if (error) {
      ::unlink(temporary.c_str());  // give the space back; the old file stays as it was
      return error;
    }
  }
  if (::rename(temporary.c_str(), file.c_str()) != 0) {
    const int renameError = errno;
    ::unlink(temporary.c_str());
    return systemError(file, "replacing", renameError);
  }
  return syncFolder(folderOf(file));
}

std::optional<Error> removeFileDurably(const fs::path& file) {
  if (::unlink(file.c_str()) != 0) {
    if (errno == ENOENT) return std::nullopt;
    return systemError(file, "removing", errno);
  }
  return syncFolder(folderOf(file));
}

}  // namespace etalase::leads

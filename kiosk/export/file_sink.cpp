#include "kiosk/export/file_sink.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace etalase::exporting {

namespace {

constexpr std::size_t kBufferBytes = 256 * 1024;

Error systemError(const std::filesystem::path& file, std::string_view what, int error) {
  return Error{file.string(), std::string(what) + ": " + std::strerror(error)};
}

}  // namespace

Result<FileSink> FileSink::create(const std::filesystem::path& file) {
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return systemError(file, "creating the export file", errno);
  return FileSink(file, fd);
}

FileSink::FileSink(std::filesystem::path file, int fd) : m_file(std::move(file)), m_fd(fd) {
  m_buffer.reserve(kBufferBytes);
}

FileSink::FileSink(FileSink&& other) noexcept
    : m_file(std::move(other.m_file)),
      m_fd(std::exchange(other.m_fd, -1)),
      m_buffer(std::move(other.m_buffer)),
      m_failure(std::move(other.m_failure)) {}

FileSink::~FileSink() {
  if (m_fd >= 0) ::close(m_fd);
}

std::optional<Error> FileSink::append(std::string_view bytes) {
  if (m_failure) return m_failure;
  m_buffer.append(bytes);
  if (m_buffer.size() >= kBufferBytes) return flush();
  return std::nullopt;
}

std::optional<Error> FileSink::flush() {
  std::string_view rest = m_buffer;
  while (!m_failure && !rest.empty()) {
    const ssize_t n = ::write(m_fd, rest.data(), rest.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      m_failure = systemError(m_file, "writing the export file", errno);
    } else {
      rest.remove_prefix(static_cast<std::size_t>(n));
    }
  }
  m_buffer.clear();
  return m_failure;
}

std::optional<Error> FileSink::close() {
  if (m_fd < 0) return m_failure ? m_failure : Error{m_file.string(), "closed twice"};
  flush();
  // On a USB stick or a network share, a write error may only show up here.
  if (::close(std::exchange(m_fd, -1)) != 0 && !m_failure) {
    m_failure = systemError(m_file, "closing the export file", errno);
  }
  return m_failure;
}

}  // namespace etalase::exporting

#include "platform/stick_write_access.h"

#include <sys/socket.h>
#include <sys/statvfs.h>
#include <sys/un.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include <fmt/format.h>

#include "media/log.h"
#include "platform/unique_fd.h"

namespace etalase::platform {

bool isReadOnlyMount(const std::filesystem::path& folder) {
  struct statvfs info {};
  // The file system's flag and the mount's both count: statvfs reports either as ST_RDONLY.
  return ::statvfs(folder.c_str(), &info) == 0 && (info.f_flag & ST_RDONLY) != 0;
}

StickHelperConfig defaultStickHelperConfig() {
  StickHelperConfig config;
  if (const char* socket = std::getenv("ETALASE_STICK_HELPER"); socket && *socket) config.socket = socket;
  return config;
}

namespace {

std::string systemError(int error) { return std::strerror(error); }

bool sendAll(int fd, const std::string& text) {
  std::size_t sent = 0;
  while (sent < text.size()) {
    const ssize_t n = ::send(fd, text.data() + sent, text.size() - sent, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    sent += static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace

std::optional<std::string> StickHelperClient::ask(const std::string& verb,
                                                  const std::filesystem::path& mountPoint) const {
  const std::string where = mountPoint.string();
  // One request is one line: a mount point with a line break could smuggle a second one.
  if (where.find_first_of("\r\n") != std::string::npos) return "the stick's folder name cannot be used";
  const std::string socketPath = m_config.socket.string();
  const std::string unavailable = "the kiosk's stick service (" + socketPath + ") ";

  UniqueFd fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
  if (!fd) return unavailable + "cannot be reached: " + systemError(errno);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  if (socketPath.size() >= sizeof(address.sun_path)) return unavailable + "has too long a path";
  std::memcpy(address.sun_path, socketPath.c_str(), socketPath.size() + 1);
  timeval timeout{};
  timeout.tv_sec = static_cast<time_t>(m_config.timeout.count() / 1000);
  timeout.tv_usec = static_cast<suseconds_t>((m_config.timeout.count() % 1000) * 1000);
  ::setsockopt(fd.get(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  ::setsockopt(fd.get(), SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
  if (::connect(fd.get(), reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    const int error = errno;
    if (error == ENOENT || error == ECONNREFUSED) return unavailable + "is not running";
    return unavailable + "cannot be reached: " + systemError(error);
  }
  if (!sendAll(fd.get(), verb + " " + where + "\n")) return unavailable + "did not take the request: " + systemError(errno);
  ::shutdown(fd.get(), SHUT_WR);

  std::string answer;
  char buffer[256];
  while (answer.find('\n') == std::string::npos && answer.size() < 4096) {
    const ssize_t n = ::recv(fd.get(), buffer, sizeof buffer, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      return unavailable + fmt::format("did not answer within {:g} s", m_config.timeout.count() / 1000.0);
    }
    if (n <= 0) break;
    answer.append(buffer, static_cast<std::size_t>(n));
  }
  answer = answer.substr(0, answer.find('\n'));
  if (answer == "ok") return std::nullopt;
  if (answer.rfind("error ", 0) == 0) return answer.substr(6);
  return unavailable + (answer.empty() ? "gave no answer" : "gave an answer the kiosk does not know");
}

std::optional<std::string> StickHelperClient::makeWritable(const std::filesystem::path& mountPoint) {
  return ask("writable", mountPoint);
}

std::optional<std::string> StickHelperClient::makeReadOnly(const std::filesystem::path& mountPoint) {
  return ask("read-only", mountPoint);
}

StickWriteSession::StickWriteSession(StickWriteAccess& access, std::filesystem::path mountPoint)
    : m_access(access), m_mountPoint(std::move(mountPoint)) {
  if (!m_access.readOnly(m_mountPoint)) return;
  m_failure = m_access.makeWritable(m_mountPoint);
  if (m_failure) {
    *m_failure = "The USB stick is read-only and could not be made writable: " + *m_failure;
    return;
  }
  m_state = State::Writable;
  log::info("usb: {} writable for an export", m_mountPoint.string());
}

StickWriteSession::~StickWriteSession() {
  if (auto failure = finish()) log::warn("usb: {}", *failure);
}

std::optional<std::string> StickWriteSession::finish() {
  if (m_state != State::Writable) return std::nullopt;
  if (auto failure = m_access.makeReadOnly(m_mountPoint)) {
    m_state = State::StillWritable;
    return "the stick " + m_mountPoint.string() + " is still writable (wait a few seconds before pulling it): " +
           *failure;
  }
  m_state = State::ReadOnlyAgain;
  log::info("usb: {} read-only again", m_mountPoint.string());
  return std::nullopt;
}

}  // namespace etalase::platform

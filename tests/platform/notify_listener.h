// Plays systemd's side of sd_notify for tests: a datagram socket the process under test is told
// about through NOTIFY_SOCKET (and WATCHDOG_USEC/WATCHDOG_PID, as a service with WatchdogSec= gets).
#pragma once

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "platform/unique_fd.h"

namespace etalase::test {

class NotifyListener {
 public:
  NotifyListener(const std::filesystem::path& socketPath, std::chrono::microseconds watchdog) : m_path(socketPath) {
    std::filesystem::remove(m_path);
    m_socket = platform::UniqueFd(::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    m_path.string().copy(address.sun_path, sizeof address.sun_path - 1);
    m_bound = ::bind(m_socket.get(), reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
    setenv("NOTIFY_SOCKET", m_path.c_str(), 1);
    setenv("WATCHDOG_USEC", std::to_string(watchdog.count()).c_str(), 1);
    setenv("WATCHDOG_PID", std::to_string(::getpid()).c_str(), 1);
  }
  ~NotifyListener() {
    unsetenv("NOTIFY_SOCKET");
    unsetenv("WATCHDOG_USEC");
    unsetenv("WATCHDOG_PID");
    std::filesystem::remove(m_path);
  }
  NotifyListener(const NotifyListener&) = delete;
  NotifyListener& operator=(const NotifyListener&) = delete;

  bool bound() const { return m_bound; }

  // Every message that arrived, waiting up to `wait` for the first.
  std::vector<std::string> take(std::chrono::milliseconds wait = std::chrono::milliseconds(0)) {
    std::vector<std::string> messages;
    pollfd ready{m_socket.get(), POLLIN, 0};
    int timeout = static_cast<int>(wait.count());
    while (::poll(&ready, 1, timeout) > 0) {
      char buffer[4096];
      const ssize_t size = ::recv(m_socket.get(), buffer, sizeof buffer, 0);
      if (size <= 0) break;
      messages.emplace_back(buffer, static_cast<std::size_t>(size));
      timeout = 0;
    }
    return messages;
  }

 private:
  std::filesystem::path m_path;
  platform::UniqueFd m_socket;
  bool m_bound = false;
};

inline int countOf(const std::vector<std::string>& messages, const std::string& line) {
  int count = 0;
  for (const std::string& message : messages) {
    if (message == line || message.rfind(line + "\n", 0) == 0) ++count;
  }
  return count;
}

}  // namespace etalase::test

// Process-wide logging implementation.
#include "log.h"

#include <chrono>
#include <cstdio>
#include <mutex>

namespace etalase::log {
namespace {
std::mutex g_mutex;
Level g_minimum = Level::Info;
std::function<void(Level, std::string_view)> g_observer;
const auto g_start = std::chrono::steady_clock::now();

const char* levelName(Level level) {
  switch (level) {
    case Level::Debug: return "debug";
    case Level::Info: return "info";
    case Level::Warn: return "warn";
    case Level::Error: return "error";
  }
  return "?";
}
}  // namespace

double secondsSinceStart() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - g_start).count();
}

void setMinimumLevel(Level level) {
  std::lock_guard lock(g_mutex);
  g_minimum = level;
}

void setObserver(std::function<void(Level, std::string_view)> observer) {
  std::lock_guard lock(g_mutex);
  g_observer = std::move(observer);
}

void write(Level level, std::string_view message) {
  std::function<void(Level, std::string_view)> observer;
  {
    std::lock_guard lock(g_mutex);
    if (level < g_minimum) return;
    const auto now = std::chrono::system_clock::now();
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
    std::fprintf(stderr, "%lld.%03lld etalase %s: %.*s\n", static_cast<long long>(ms / 1000),
                 static_cast<long long>(ms % 1000), levelName(level), static_cast<int>(message.size()),
                 message.data());
    observer = g_observer;
  }
  if (observer) observer(level, message);
}

}  // namespace etalase::log

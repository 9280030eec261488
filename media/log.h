// Process-wide logging: timestamped lines to stderr, plus an optional observer (the kiosk shows errors).
// Thread-safe.
#pragma once

#include <fmt/format.h>

#include <functional>
#include <string_view>

namespace etalase::log {

enum class Level { Debug, Info, Warn, Error };

void write(Level level, std::string_view message);
// Seconds since the process started (since this module was loaded), for start-up timings.
double secondsSinceStart();
void setMinimumLevel(Level level);
// The observer is called on the logging thread; keep it quick.
void setObserver(std::function<void(Level, std::string_view)> observer);

template <typename... Args>
void debug(fmt::format_string<Args...> f, Args&&... args) {
  write(Level::Debug, fmt::format(f, std::forward<Args>(args)...));
}
template <typename... Args>
void info(fmt::format_string<Args...> f, Args&&... args) {
  write(Level::Info, fmt::format(f, std::forward<Args>(args)...));
}
template <typename... Args>
void warn(fmt::format_string<Args...> f, Args&&... args) {
  write(Level::Warn, fmt::format(f, std::forward<Args>(args)...));
}
template <typename... Args>
void error(fmt::format_string<Args...> f, Args&&... args) {
  write(Level::Error, fmt::format(f, std::forward<Args>(args)...));
}

}  // namespace etalase::log

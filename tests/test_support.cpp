// Test helpers, headless SDL drivers, and the sanitizer options every suite runs with.
#include "test_support.h"

#include <cstdlib>
#include <unistd.h>

namespace etalase::test {

namespace fs = std::filesystem;

namespace {

fs::path fromEnvironmentOr(const char* name, const char* builtIn) {
  const char* value = std::getenv(name);
  return (value && *value) ? fs::path(value) : fs::path(builtIn);
}

// Tests never open a real window or sound device, whoever runs them.
[[maybe_unused]] const bool kHeadless = [] {
  setenv("SDL_VIDEODRIVER", "offscreen", 0);
  setenv("SDL_AUDIODRIVER", "dummy", 0);
  return true;
}();

fs::path processTempRoot() { return fs::temp_directory_path() / ("etalase-test-" + std::to_string(getpid())); }

// Nor touch a real data folder: run as root, a kiosk's default is /var/lib/etalase, the board's
// own (a root-owned leads.db there would lock the service out). Tests that need their own set it.
[[maybe_unused]] const bool kPrivateData = [] {
  usePrivateDataDirectory();
  return true;
}();

// Removes this process's temporary folders when the suite ends.
struct TempRootCleaner {
  ~TempRootCleaner() {
    std::error_code ec;
    fs::remove_all(processTempRoot(), ec);
  }
} g_tempRootCleaner;

}  // namespace

void usePrivateDataDirectory() {
  const fs::path data = processTempRoot() / "data";
  std::error_code ec;
  fs::create_directories(data, ec);
  setenv("ETALASE_DATA_DIR", data.c_str(), 1);
}

fs::path testMedia(const std::string& name) {
  return fromEnvironmentOr("ETALASE_TEST_MEDIA", ETALASE_TEST_MEDIA_DIR) / name;
}

fs::path demoPack() { return fromEnvironmentOr("ETALASE_DEMO_PACK", ETALASE_DEMO_PACK_DIR); }

fs::path freshTempDirectory(const std::string& name) {
  const fs::path dir = processTempRoot() / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

}  // namespace etalase::test

// Read by the sanitizer runtimes at start-up (used only in the ETALASE_SANITIZE build).
extern "C" const char* __asan_default_options() {
  return "detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1";
}
extern "C" const char* __ubsan_default_options() { return "print_stacktrace=1:halt_on_error=1"; }
// Leaks inside system libraries we do not own (graphics and sound drivers loaded by SDL).
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libdbus-1.so\nleak:libfontconfig.so\nleak:libX11.so\nleak:libasound.so\n"
         "leak:libGLX_mesa.so\nleak:swrast_dri.so\n";
}

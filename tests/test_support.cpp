// Test helpers.
#include "test_support.h"

#include <cstdlib>
#include <stdexcept>
#include <unistd.h>

namespace etalase::test {

namespace fs = std::filesystem;

namespace {
fs::path fromEnvironment(const char* name) {
  const char* value = std::getenv(name);
  if (!value || !*value) throw std::runtime_error(std::string(name) + " is not set (run the tests through ctest)");
  return value;
}
}  // namespace

fs::path testMedia(const std::string& name) { return fromEnvironment("ETALASE_TEST_MEDIA") / name; }

fs::path demoPack() { return fromEnvironment("ETALASE_DEMO_PACK"); }

fs::path freshTempDirectory(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("etalase-test-" + std::to_string(getpid())) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

}  // namespace etalase::test

// Data and font locations.
#include "paths.h"

#include <cstdlib>
#include <unistd.h>

namespace etalase::platform {

namespace fs = std::filesystem;

fs::path dataDirectory() {
  if (const char* explicitDir = std::getenv("ETALASE_DATA_DIR"); explicitDir && *explicitDir) {
    return explicitDir;
  }
  if (geteuid() == 0) return "/var/lib/etalase";
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return fs::path(xdg) / "etalase";
  if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".local/share/etalase";
  return fs::path("/tmp/etalase");
}

std::optional<fs::path> findFont(const std::string& fileName) {
  static const char* const kFolders[] = {
      "/usr/share/fonts/truetype/noto",
      "/usr/share/fonts/opentype/noto",
      "/usr/share/fonts/truetype",
      "/usr/local/share/fonts",
  };
  for (const char* folder : kFolders) {
    const fs::path candidate = fs::path(folder) / fileName;
    std::error_code ec;
    if (fs::is_regular_file(candidate, ec)) return candidate;
  }
  return std::nullopt;
}

}  // namespace etalase::platform

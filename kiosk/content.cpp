// Finding and loading what the kiosk shows.
#include "content.h"

#include <algorithm>
#include <set>
#include <system_error>

#include "kiosk/packs/pack_store.h"
#include "media/log.h"
#include "platform/paths.h"

#ifndef ETALASE_DEMO_PACK_DIR
#define ETALASE_DEMO_PACK_DIR ""
#endif

namespace etalase::kiosk {

namespace fs = std::filesystem;

namespace {

bool isVideoFile(const fs::path& path) {
  static const std::set<std::string> kExtensions = {".mp4", ".m4v", ".mov", ".mkv", ".webm",
                                                    ".avi", ".ts",  ".mts", ".mpg", ".mpeg"};
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(), ::tolower);
  return kExtensions.count(extension) > 0;
}

// Files as given; folders expand to the videos in them, sorted by name.
std::vector<std::string> expandPlayArguments(const std::vector<std::string>& arguments) {
  std::vector<std::string> items;
  for (const std::string& argument : arguments) {
    std::error_code ec;
    if (fs::is_directory(argument, ec)) {
      std::vector<std::string> inFolder;
      for (const auto& entry : fs::directory_iterator(argument, ec)) {
        if (entry.is_regular_file(ec) && isVideoFile(entry.path())) inFolder.push_back(entry.path().string());
      }
      std::sort(inFolder.begin(), inFolder.end());
      if (inFolder.empty()) log::warn("{}: no video files in this folder", argument);
      items.insert(items.end(), inFolder.begin(), inFolder.end());
    } else {
      items.push_back(argument);
    }
  }
  return items;
}

// The pack staff installed last (from USB), else the built-in demo pack.
fs::path defaultPack() {
  if (auto installed = PackStore(platform::dataDirectory()).currentPack()) return *installed;
  return ETALASE_DEMO_PACK_DIR;
}

}  // namespace

Content loadContent(const KioskOptions& options) {
  Content content;
  if (!options.play.empty()) {
    content.attractVideos = expandPlayArguments(options.play);
    return content;
  }
  content.pack = options.pack.empty() ? defaultPack() : options.pack;
  auto loaded = loadCatalog(content.pack);
  if (!loaded) {
    content.problem = loaded.error().text();
    log::error("{}", content.problem);
    return content;
  }
  content.catalog = std::move(loaded.value().catalog);
  content.warnings = std::move(loaded.value().warnings);
  for (const Error& warning : content.warnings) log::warn("{}", warning.text());
  for (const fs::path& video : content.catalog->attract) content.attractVideos.push_back(video.string());
  log::info("content pack {}: {} producers, {} products, {} videos", content.pack.string(),
            content.catalog->producers.size(), content.catalog->products.size(), content.attractVideos.size());
  return content;
}

}  // namespace etalase::kiosk

// What the kiosk shows: a content pack's catalog (the one given, else the pack staff installed
// last, else the built-in demo pack), or with --play just the videos given.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/catalog/catalog.h"
#include "kiosk/options.h"
#include "media/error.h"

namespace etalase::kiosk {

struct Content {
  std::optional<Catalog> catalog;
  std::vector<Error> warnings;   // the pack loaded with these
  std::string problem;           // why there is no catalog, for the title card
  std::filesystem::path pack;    // the pack tried; empty with --play
  std::vector<std::string> attractVideos;
};

Content loadContent(const KioskOptions& options);

}  // namespace etalase::kiosk

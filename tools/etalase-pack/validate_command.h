// `etalase-pack validate`: every problem of a pack, one per line, and a summary.
#pragma once

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "kiosk/packs/pack_validator.h"

namespace etalase::pack {

struct ValidateCommand {
  std::filesystem::path pack;
  std::vector<std::string> mediaChecker;  // this program's check-media subcommand
  std::chrono::milliseconds timeout{std::chrono::minutes(5)};
  bool decodeMedia = true;
};

// "FILE: FIELD: error: what" (or "warning:"), the field left out when there is none.
std::string problemLine(const kiosk::PackProblem& problem);

// Problems and the summary to `out`, progress to `progress`. Exit status: 0 passed, 1 failed.
int runValidate(const ValidateCommand& command, std::FILE* out, std::FILE* progress);

}  // namespace etalase::pack

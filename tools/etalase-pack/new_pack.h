// `etalase-pack new`: a starter pack showing every field of the format, with generated media.
#pragma once

#include <filesystem>
#include <vector>

#include "media/error.h"

namespace etalase::pack {

// Writes pack.json, images/ and videos/ into `folder` (created if needed); refuses a folder that
// is not empty. Returns the files written, relative to the folder.
Result<std::vector<std::filesystem::path>> writeStarterPack(const std::filesystem::path& folder);

}  // namespace etalase::pack

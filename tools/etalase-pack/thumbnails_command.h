// `etalase-pack thumbnails`: makes the poster frames the kiosk's product grid would otherwise make
// on its first start, into the same cache.
#pragma once

#include <cstdio>
#include <filesystem>

namespace etalase::pack {

// Progress and a summary to `out`, problems to `errors`. Exit status: 0 when every product has
// its picture, 1 otherwise.
int runThumbnails(const std::filesystem::path& pack, std::FILE* out, std::FILE* errors);

}  // namespace etalase::pack

// The picture a product shows in the grid, and where poster frames are cached: one place for
// the kiosk and for `etalase-pack thumbnails`, so the tool fills exactly the cache the kiosk reads.
#pragma once

#include <filesystem>
#include <optional>

#include "kiosk/catalog/catalog.h"
#include "media/av_ptr.h"
#include "media/error.h"
#include "media/poster_cache.h"

namespace etalase::kiosk {

inline constexpr int kPosterMaxWidth = 640;
inline constexpr int kPosterMaxHeight = 480;

// DATA/cache/posters.
std::filesystem::path posterCacheDirectory();

// The video a product's grid picture comes from when it has no photo; null if it has neither.
const std::filesystem::path* posterVideo(const Product& product);

// The product's first photo, else a poster frame of its first video (from `cache`, made and
// stored there when missing), at most kPosterMaxWidth x kPosterMaxHeight; nullopt if the
// product has neither.
std::optional<Result<av::FramePtr>> productPoster(const Product& product, const media::PosterCache& cache);

}  // namespace etalase::kiosk

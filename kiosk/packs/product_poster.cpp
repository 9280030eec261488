// Product pictures for the grid.
#include "product_poster.h"

#include "media/still_image.h"
#include "platform/paths.h"

namespace etalase::kiosk {

std::filesystem::path posterCacheDirectory() { return platform::dataDirectory() / "cache" / "posters"; }

const std::filesystem::path* posterVideo(const Product& product) {
  return product.photos.empty() && !product.videos.empty() ? &product.videos.front() : nullptr;
}

std::optional<Result<av::FramePtr>> productPoster(const Product& product, const media::PosterCache& cache) {
  if (!product.photos.empty()) {
    return media::loadStillImage(product.photos.front().string(), kPosterMaxWidth, kPosterMaxHeight);
  }
  if (const std::filesystem::path* video = posterVideo(product)) {
    return cache.poster(video->string(), kPosterMaxWidth, kPosterMaxHeight);
  }
  return std::nullopt;
}

}  // namespace etalase::kiosk

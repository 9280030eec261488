// Filling the poster cache for a pack.
#include "thumbnails_command.h"

#include <fmt/format.h>

#include "kiosk/catalog/catalog.h"
#include "kiosk/packs/product_poster.h"

namespace etalase::pack {

namespace fs = std::filesystem;

int runThumbnails(const fs::path& pack, std::FILE* out, std::FILE* errors) {
  auto loaded = kiosk::loadCatalog(pack);
  if (!loaded) {
    fmt::print(errors, "error: {}\n", loaded.error().text());
    return 1;
  }
  const kiosk::Catalog& catalog = loaded.value().catalog;
  const fs::path cacheDirectory = kiosk::posterCacheDirectory();
  const media::PosterCache cache(cacheDirectory);
  fmt::print(out, "poster cache: {}\n", cacheDirectory.string());
  int made = 0, cached = 0, photos = 0, none = 0, failed = 0;
  const std::size_t count = catalog.products.size();
  for (std::size_t i = 0; i < count; ++i) {
    const kiosk::Product& product = catalog.products[i];
    const fs::path* video = kiosk::posterVideo(product);
    // The kiosk decodes photos each time (they are small); only video posters are cached.
    const std::string source = video                    ? video->lexically_relative(catalog.root).generic_string()
                               : product.photos.empty() ? std::string("no photo or video")
                                                        : product.photos.front().lexically_relative(catalog.root).generic_string();
    std::error_code ec;
    const bool wasCached =
        video && fs::exists(cache.entryFor(video->string(), kiosk::kPosterMaxWidth, kiosk::kPosterMaxHeight), ec);
    auto picture = kiosk::productPoster(product, cache);
    std::string outcome;
    if (!picture) {
      outcome = "nothing to show";
      ++none;
    } else if (!picture->ok()) {
      outcome = "FAILED";
      ++failed;
      fmt::print(errors, "error: products[{}] ({}): {}\n", i, product.id, picture->error().text());
    } else if (!video) {
      outcome = "uses its photo (checked; photos are not cached)";
      ++photos;
    } else if (wasCached) {
      outcome = "already cached";
      ++cached;
    } else {
      outcome = "poster made";
      ++made;
    }
    fmt::print(out, "product {}/{} {}: {}: {}\n", i + 1, count, product.id, source, outcome);
  }
  fmt::print(out, "{}: {} product{}: {} poster{} made, {} already cached, {} with a photo, {} with nothing to show, {} failed\n",
             failed ? "FAILED" : "DONE", count, count == 1 ? "" : "s", made, made == 1 ? "" : "s", cached, photos, none,
             failed);
  return failed ? 1 : 0;
}

}  // namespace etalase::pack

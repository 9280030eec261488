// Product posters as textures.
#include "product_posters.h"

#include "kiosk/packs/product_poster.h"
#include "media/poster_cache.h"

namespace etalase::kiosk {

void ProductPosters::load(const Catalog& catalog, const MediaOutput& output) {
  clear();
  const media::PosterCache posterCache(posterCacheDirectory());
  for (const Product& product : catalog.products) {
    const auto picture = productPoster(product, posterCache);
    platform::TexturePtr texture = picture ? output.texture(*picture) : nullptr;
    m_posters.push_back(texture.get());
    m_textures.push_back(std::move(texture));
  }
}

void ProductPosters::clear() {
  m_posters.clear();
  m_textures.clear();
}

}  // namespace etalase::kiosk

// Every product's grid picture (its first photo, else a frame of its first video) as a texture,
// for the pack on screen: the grid, the producer pages and the product pages show them.
// UI thread only.
#pragma once

#include <SDL.h>

#include <cstddef>
#include <vector>

#include "kiosk/catalog/catalog.h"
#include "kiosk/media_output.h"
#include "platform/sdl_ptr.h"

namespace etalase::kiosk {

class ProductPosters {
 public:
  // Poster frames come from the poster cache, made and stored there when missing.
  void load(const Catalog& catalog, const MediaOutput& output);
  void clear();
  // Same order as catalog.products; null where a product has none.
  const std::vector<SDL_Texture*>& textures() const { return m_posters; }
  SDL_Texture* of(std::size_t product) const { return product < m_posters.size() ? m_posters[product] : nullptr; }

 private:
  std::vector<platform::TexturePtr> m_textures;
  std::vector<SDL_Texture*> m_posters;
};

}  // namespace etalase::kiosk

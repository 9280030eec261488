// Owning smart pointers for SDL handles. Thread-agnostic (SDL's own rules apply).
#pragma once

#include <SDL.h>

#include <memory>

namespace etalase::platform {

struct WindowDestroyer {
  void operator()(SDL_Window* w) const { SDL_DestroyWindow(w); }
};
struct RendererDestroyer {
  void operator()(SDL_Renderer* r) const { SDL_DestroyRenderer(r); }
};
struct TextureDestroyer {
  void operator()(SDL_Texture* t) const { SDL_DestroyTexture(t); }
};
struct SurfaceFreer {
  void operator()(SDL_Surface* s) const { SDL_FreeSurface(s); }
};

using WindowPtr = std::unique_ptr<SDL_Window, WindowDestroyer>;
using RendererPtr = std::unique_ptr<SDL_Renderer, RendererDestroyer>;
using TexturePtr = std::unique_ptr<SDL_Texture, TextureDestroyer>;
using SurfacePtr = std::unique_ptr<SDL_Surface, SurfaceFreer>;

}  // namespace etalase::platform

// The SDL window and renderer: windowed on a desktop, fullscreen on a stand, KMSDRM on a bare
// console. Picks the cheapest way to get video on screen for the renderer it gets. UI thread only.
#pragma once

#include <string>
#include <vector>

#include "media/error.h"
#include "sdl_ptr.h"

namespace etalase::platform {

enum class RendererChoice { Auto, Software, Accelerated };

struct DisplayOptions {
  int width = 1280;
  int height = 720;
  bool fullscreen = false;
  RendererChoice renderer = RendererChoice::Auto;
  std::string title = "Etalase";
};

class Display {
 public:
  // Opens the window; SDL's video subsystem must be initialised (see SdlSession).
  static Result<Display> open(const DisplayOptions& options);

  SDL_Window* window() const { return m_window.get(); }
  SDL_Renderer* renderer() const { return m_renderer.get(); }
  // True when drawing happens on the CPU (SDL's software renderer, or GL on llvmpipe avoided).
  bool softwareRendering() const { return m_software; }
  const std::string& rendererName() const { return m_rendererName; }
  // Size in pixels of what the renderer draws to.
  SDL_Point outputSize() const;

  // Reads back the whole output as 0xRRGGBB per pixel (for tests and screenshots).
  std::vector<uint32_t> readPixels() const;

 private:
  Display() = default;
  // Members in reverse order of destruction: the renderer goes before its window.
  WindowPtr m_window;
  RendererPtr m_renderer;
  bool m_software = false;
  std::string m_rendererName;
};

}  // namespace etalase::platform

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
  // Degrees (0, 90, 180, 270) the picture is turned clockwise on the panel: 90 or 270 for a
  // landscape panel mounted upright. The renderer turns it, not the display server.
  int rotation = 0;
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
  // Size in pixels of the picture the kiosk draws: the panel's, turned by the rotation.
  SDL_Point outputSize() const;
  // Size in pixels of the panel itself.
  SDL_Point panelSize() const;
  int rotation() const { return m_rotation; }
  // Turned 90 or 270 degrees: the picture's width is the panel's height.
  bool quarterTurned() const { return m_rotation % 180 != 0; }
  // Turns the picture from the next frame on (0, 90, 180 or 270; anything else is ignored). Not
  // between beginFrame() and present().
  void setRotation(int degrees);

  // A frame is drawn between these two: with a rotation, into a canvas that present() turns
  // onto the panel.
  void beginFrame();
  void present();

  // A point on the window (SDL's pointer coordinates) as a point on the drawn picture.
  SDL_FPoint toPicture(SDL_FPoint window) const;

  // Reads back the whole panel as 0xRRGGBB per pixel (for tests and screenshots).
  std::vector<uint32_t> readPixels() const;

 private:
  Display() = default;
  // Members in reverse order of destruction: the renderer goes before its window.
  WindowPtr m_window;
  RendererPtr m_renderer;
  TexturePtr m_canvas;  // only with a rotation
  SDL_Point m_canvasSize{0, 0};
  int m_rotation = 0;
  bool m_software = false;
  std::string m_rendererName;
};

// A point on a window of `windowSize` as a point on the picture turned `rotation` degrees on it.
SDL_FPoint windowToPicture(SDL_FPoint window, SDL_Point windowSize, int rotation);

}  // namespace etalase::platform

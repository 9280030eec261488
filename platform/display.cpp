// Window and renderer creation, with a fall-back from GL-on-CPU to SDL's software renderer.
#include "display.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <string_view>

#include "media/log.h"

namespace etalase::platform {

namespace {

constexpr unsigned kGlRenderer = 0x1F01;  // GL_RENDERER, without pulling in GL headers

// GL on a CPU rasteriser (llvmpipe, softpipe) costs about twice SDL's software renderer for
// video, as measured on Debian 12: treat it as "no GPU".
bool isCpuGl(SDL_Renderer* renderer) {
  SDL_RendererInfo info{};
  SDL_GetRendererInfo(renderer, &info);
  if (std::strncmp(info.name, "opengl", 6) != 0) return false;
  using GetString = const unsigned char* (*)(unsigned);
  auto getString = reinterpret_cast<GetString>(SDL_GL_GetProcAddress("glGetString"));
  if (!getString) return false;
  const unsigned char* raw = getString(kGlRenderer);
  if (!raw) return false;
  const std::string_view name(reinterpret_cast<const char*>(raw));
  log::info("GL renderer: {}", name);
  return name.find("llvmpipe") != name.npos || name.find("softpipe") != name.npos ||
         name.find("Software") != name.npos;
}

// A machine without a DRM render node has no GPU: GL there would be llvmpipe, which costs
// ~100 ms and ~60 MB just to find that out. Boards and PCs with a GPU have /dev/dri/renderD*.
bool hasRenderNode() {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator("/dev/dri", ec)) {
    if (entry.path().filename().string().rfind("renderD", 0) == 0) return true;
  }
  return false;
}

WindowPtr createWindow(const DisplayOptions& options) {
  Uint32 flags = SDL_WINDOW_SHOWN;
  SDL_Rect area{static_cast<int>(SDL_WINDOWPOS_CENTERED), static_cast<int>(SDL_WINDOWPOS_CENTERED), options.width,
                options.height};
  if (options.fullscreen) {
    flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
    // A kiosk's X server often runs no window manager, which would ignore the request to go
    // full screen and leave a window-sized picture in a corner: so the window starts out
    // covering the whole screen.
    SDL_Rect bounds;
    if (SDL_GetDisplayBounds(0, &bounds) == 0) area = bounds;
  }
  return WindowPtr(SDL_CreateWindow(options.title.c_str(), area.x, area.y, area.w, area.h, flags));
}

}  // namespace

Result<Display> Display::open(const DisplayOptions& options) {
  Display display;
  const std::string_view driver = SDL_GetCurrentVideoDriver() ? SDL_GetCurrentVideoDriver() : "";
  const bool tryGpu = options.renderer == RendererChoice::Accelerated ||
                      (options.renderer == RendererChoice::Auto && (hasRenderNode() || driver == "KMSDRM"));
  if (tryGpu) {
    display.m_window = createWindow(options);
    if (!display.m_window) return Error{"display", std::string("cannot open a window: ") + SDL_GetError()};
    display.m_renderer.reset(SDL_CreateRenderer(display.m_window.get(), -1,
                                                SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC));
    if (display.m_renderer && options.renderer == RendererChoice::Auto && isCpuGl(display.m_renderer.get())) {
      log::info("no GPU behind GL: using SDL's software renderer instead");
      display.m_renderer.reset();
      display.m_window.reset();
    }
  }
  if (!display.m_renderer) {
    if (options.renderer == RendererChoice::Accelerated) {
      return Error{"display", std::string("no accelerated renderer: ") + SDL_GetError()};
    }
    // Without this hint SDL hides an OpenGL surface behind the "software" renderer, which
    // doubles the cost of every frame on a desktop without a GPU. KMSDRM has no native
    // framebuffer, so there SDL's own choice stays.
    if (driver != "KMSDRM") SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    if (!display.m_window) display.m_window = createWindow(options);
    if (!display.m_window) return Error{"display", std::string("cannot open a window: ") + SDL_GetError()};
    display.m_renderer.reset(SDL_CreateRenderer(display.m_window.get(), -1, SDL_RENDERER_SOFTWARE));
    if (!display.m_renderer) return Error{"display", std::string("cannot create a renderer: ") + SDL_GetError()};
  }
  SDL_RendererInfo info{};
  SDL_GetRendererInfo(display.m_renderer.get(), &info);
  display.m_rendererName = info.name;
  display.m_software = (info.flags & SDL_RENDERER_SOFTWARE) != 0 || display.m_rendererName == "software";
  display.m_rotation = options.rotation;
  const SDL_Point size = display.outputSize();
  log::info("display: video driver {}, renderer {}, {}x{}{}", driver, display.m_rendererName, size.x, size.y,
            display.m_rotation ? fmt::format(", turned {} degrees", display.m_rotation) : std::string());
  if (options.fullscreen || driver == "KMSDRM") SDL_ShowCursor(SDL_DISABLE);
  return display;
}

SDL_Point Display::panelSize() const {
  // While a frame is drawn into the canvas SDL reports the canvas's size, not the panel's.
  if (m_canvas && SDL_GetRenderTarget(m_renderer.get()) == m_canvas.get()) {
    return quarterTurned() ? SDL_Point{m_canvasSize.y, m_canvasSize.x} : m_canvasSize;
  }
  SDL_Point size{0, 0};
  SDL_GetRendererOutputSize(m_renderer.get(), &size.x, &size.y);
  return size;
}

SDL_Point Display::outputSize() const {
  const SDL_Point panel = panelSize();
  return quarterTurned() ? SDL_Point{panel.y, panel.x} : panel;
}

void Display::setRotation(int degrees) {
  if (degrees == m_rotation || degrees % 90 != 0 || degrees < 0 || degrees >= 360) return;
  m_rotation = degrees;
  m_canvas.reset();  // sized for the old turn; beginFrame() makes the new one
  m_canvasSize = {0, 0};
}

void Display::beginFrame() {
  if (m_rotation == 0) return;
  const SDL_Point size = outputSize();
  if (!m_canvas || m_canvasSize.x != size.x || m_canvasSize.y != size.y) {
    m_canvas.reset(SDL_CreateTexture(m_renderer.get(), SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, size.x, size.y));
    if (!m_canvas) {
      // Better an unturned picture than none: the stand still works, sideways.
      log::error("cannot turn the picture {} degrees ({}): showing it unturned", m_rotation, SDL_GetError());
      m_rotation = 0;
      return;
    }
    SDL_SetTextureBlendMode(m_canvas.get(), SDL_BLENDMODE_NONE);
    m_canvasSize = size;
  }
  SDL_SetRenderTarget(m_renderer.get(), m_canvas.get());
}

void Display::present() {
  if (m_rotation != 0 && m_canvas) {
    SDL_SetRenderTarget(m_renderer.get(), nullptr);
    const SDL_Point panel = panelSize();
    // The canvas centred on the panel, then turned about its centre: it covers the panel exactly.
    const SDL_Rect area{(panel.x - m_canvasSize.x) / 2, (panel.y - m_canvasSize.y) / 2, m_canvasSize.x, m_canvasSize.y};
    SDL_RenderCopyEx(m_renderer.get(), m_canvas.get(), nullptr, &area, m_rotation, nullptr, SDL_FLIP_NONE);
  }
  SDL_RenderPresent(m_renderer.get());
}

SDL_FPoint windowToPicture(SDL_FPoint window, SDL_Point windowSize, int rotation) {
  const auto width = static_cast<float>(windowSize.x);
  const auto height = static_cast<float>(windowSize.y);
  switch (rotation) {
    case 90: return {window.y, width - window.x};
    case 180: return {width - window.x, height - window.y};
    case 270: return {height - window.y, window.x};
    default: return window;
  }
}

SDL_FPoint Display::toPicture(SDL_FPoint window) const {
  SDL_Point size{0, 0};
  SDL_GetWindowSize(m_window.get(), &size.x, &size.y);
  return windowToPicture(window, size, m_rotation);
}

std::vector<uint32_t> Display::readPixels() const {
  const SDL_Point size = panelSize();
  std::vector<uint32_t> pixels(static_cast<std::size_t>(std::max(size.x, 0)) * std::max(size.y, 0));
  if (pixels.empty()) return pixels;
  if (SDL_RenderReadPixels(m_renderer.get(), nullptr, SDL_PIXELFORMAT_RGB888, pixels.data(),
                           size.x * static_cast<int>(sizeof(uint32_t))) != 0) {
    log::warn("cannot read back the screen: {}", SDL_GetError());
    pixels.clear();
  }
  for (auto& p : pixels) p &= 0xFFFFFFu;
  return pixels;
}

}  // namespace etalase::platform

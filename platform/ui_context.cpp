// ImGui set-up, fonts and pointer glue.
#include "ui_context.h"

#include <imgui_impl_sdl.h>
#include <imgui_impl_sdlrenderer.h>

#include <algorithm>

#include "media/log.h"
#include "paths.h"

namespace etalase::platform {

namespace {
// Frames to draw after an input so ImGui's hover/active states and layout settle.
constexpr int kSettleFrames = 3;
}  // namespace

UiContext::UiContext(SDL_Window* window, SDL_Renderer* renderer) : m_renderer(renderer) {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // a kiosk keeps no window layout between runs
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_IsTouchScreen;
  ImGui_ImplSDL2_InitForSDLRenderer(window);
  ImGui_ImplSDLRenderer_Init(renderer);
  int width = 0, height = 0;
  SDL_GetRendererOutputSize(renderer, &width, &height);
  loadFonts(height);
}

UiContext::~UiContext() {
  ImGui_ImplSDLRenderer_Shutdown();
  ImGui_ImplSDL2_Shutdown();
  ImGui::DestroyContext();
}

void UiContext::loadFonts(int outputHeight) {
  // Readable from a metre away: about 1/28 of the screen height, within sane bounds.
  m_unit = std::clamp(static_cast<float>(outputHeight) / 28.0f, 16.0f, 72.0f);
  ImGuiIO& io = ImGui::GetIO();
  static const ImWchar kLatin[] = {0x0020, 0x024F, 0x2010, 0x2027, 0x20AC, 0x20AC, 0x2190, 0x21FF, 0};
  auto load = [&](const char* file, float size) -> ImFont* {
    if (auto path = findFont(file)) {
      if (ImFont* font = io.Fonts->AddFontFromFileTTF(path->c_str(), size, nullptr, kLatin)) return font;
    }
    log::warn("font {} not found; using ImGui's built-in font", file);
    ImFontConfig config;
    config.SizePixels = size;
    return io.Fonts->AddFontDefault(&config);
  };
  m_fonts.body = load("NotoSans-Regular.ttf", m_unit);
  m_fonts.title = load("NotoSans-Bold.ttf", m_unit * 1.8f);
  m_fonts.small = load("NotoSans-Regular.ttf", m_unit * 0.75f);
  io.FontDefault = m_fonts.body;

  ImGuiStyle& style = ImGui::GetStyle();
  ImGui::StyleColorsDark(&style);
  style.ScaleAllSizes(m_unit / 13.0f);
  style.WindowBorderSize = 0.0f;
  style.FrameRounding = m_unit * 0.4f;
  style.ChildRounding = m_unit * 0.5f;
  style.ScrollbarSize = m_unit * 1.2f;
}

void UiContext::processEvent(const SDL_Event& event) {
  switch (event.type) {
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
    case SDL_MOUSEMOTION:
    case SDL_FINGERDOWN:
    case SDL_FINGERUP:
    case SDL_FINGERMOTION:
      return;  // pointer() owns these
    default:
      ImGui_ImplSDL2_ProcessEvent(&event);
      m_settleFrames = kSettleFrames;
  }
}

void UiContext::pointer(const PointerEvent& event) {
  m_pointerPos = ImVec2(event.x, event.y);
  if (event.kind == PointerEvent::Kind::Down) {
    m_pointerDown = true;
    m_pressPending = true;
  } else if (event.kind == PointerEvent::Kind::Up) {
    m_pointerDown = false;
    m_releasePending = true;
  }
  m_settleFrames = kSettleFrames;
}

void UiContext::newFrame() {
  ImGui_ImplSDLRenderer_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  ImGuiIO& io = ImGui::GetIO();
  // Overrides what the backend polled: this is the one pointer path, for touch and mouse.
  // A tap that went down and up between two frames is shown to ImGui as down for one frame.
  io.MousePos = m_pointerPos;
  io.MouseDown[0] = m_pointerDown || m_pressPending;
  if (m_pressPending) {
    m_pressPending = false;
  } else if (m_releasePending && !m_pointerDown) {
    m_releasePending = false;
    // A touch leaves no hover behind once the finger is gone.
  }
  ImGui::NewFrame();
  if (m_settleFrames > 0) --m_settleFrames;
}

void UiContext::render() {
  ImGui::Render();
  ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
}

}  // namespace etalase::platform

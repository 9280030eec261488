// ImGui set-up, fonts and pointer glue.
#include "ui_context.h"

#include <imgui_impl_sdl.h>
#include <imgui_impl_sdlrenderer.h>

#include <algorithm>
#include <cfloat>
#include <cstring>

#include <imgui_internal.h>

#include "media/log.h"
#include "paths.h"

namespace etalase::platform {

namespace {
// Frames to draw after an input so ImGui's hover/active states and layout settle.
constexpr int kSettleFrames = 3;
}  // namespace

UiContext::UiContext(SDL_Window* window, SDL_Renderer* renderer, const std::vector<std::string>& texts,
                     UiLayout layout)
    : m_renderer(renderer), m_layout(layout) {
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
  loadFonts(std::min(width, height), texts);
}

UiContext::~UiContext() {
  ImGui_ImplSDLRenderer_Shutdown();
  ImGui_ImplSDL2_Shutdown();
  ImGui::DestroyContext();
}

void UiContext::loadFonts(int shortSide, const std::vector<std::string>& texts) {
  // Readable from a metre away: about 1/28 of the screen's short side (its height on a landscape
  // screen, so a portrait stand gets the same text as a landscape one), times the stand's scale.
  m_unit = std::clamp(static_cast<float>(shortSide) / 28.0f * m_layout.scale, 16.0f, 96.0f);
  ImGuiIO& io = ImGui::GetIO();
  static const ImWchar kLatin[] = {0x0020, 0x024F, 0x2010, 0x2027, 0x20AC, 0x20AC, 0x2190, 0x21FF, 0};
  ImFontGlyphRangesBuilder builder;
  builder.AddRanges(kLatin);
  bool needsCjk = false;
  for (const std::string& text : texts) {
    builder.AddText(text.c_str(), text.c_str() + text.size());
    for (std::size_t i = 0; i < text.size() && !needsCjk; ++i) {
      needsCjk = static_cast<unsigned char>(text[i]) >= 0xE3;  // UTF-8 lead bytes of U+3000 and up
    }
  }
  builder.BuildRanges(&m_glyphRanges);

  // CJK glyphs come from Noto Sans CJK SC (face 2 of the collection), merged into each font.
  ImVector<char> cjkData;
  if (needsCjk) {
    if (auto path = findFont("NotoSansCJK-Regular.ttc")) {
      std::size_t size = 0;
      if (void* data = ImFileLoadToMemory(path->c_str(), "rb", &size)) {
        cjkData.resize(static_cast<int>(size));
        std::memcpy(cjkData.Data, data, size);
        IM_FREE(data);
      }
    }
    if (cjkData.empty()) log::warn("Noto Sans CJK not found: Chinese text will show as boxes");
  }
  auto load = [&](const char* file, float size) -> ImFont* {
    ImFont* font = nullptr;
    if (auto path = findFont(file)) font = io.Fonts->AddFontFromFileTTF(path->c_str(), size, nullptr, m_glyphRanges.Data);
    if (!font) {
      log::warn("font {} not found; using ImGui's built-in font", file);
      ImFontConfig config;
      config.SizePixels = size;
      font = io.Fonts->AddFontDefault(&config);
    }
    if (!cjkData.empty()) {
      ImFontConfig merge;
      merge.MergeMode = true;
      merge.FontNo = 2;
      merge.FontDataOwnedByAtlas = false;
      io.Fonts->AddFontFromMemoryTTF(cjkData.Data, cjkData.Size, size, &merge, m_glyphRanges.Data);
    }
    return font;
  };
  m_fonts.body = load("NotoSans-Regular.ttf", m_unit);
  m_fonts.title = load("NotoSans-Bold.ttf", m_unit * 1.8f);
  m_fonts.small = load("NotoSans-Regular.ttf", m_unit * 0.75f);
  io.Fonts->Build();
  io.Fonts->ClearInputData();  // the 20 MB CJK collection is not needed once glyphs are baked
  io.FontDefault = m_fonts.body;

  ImGuiStyle& style = ImGui::GetStyle();
  ImGui::StyleColorsDark(&style);
  style.ScaleAllSizes(m_unit / 13.0f);
  style.WindowBorderSize = 0.0f;
  style.FrameRounding = m_unit * 0.4f;
  style.ChildRounding = m_unit * 0.5f;
  style.ScrollbarSize = m_unit * 1.2f;
  // Warm tones to match the screens; no blue flash on a pressed button.
  style.Colors[ImGuiCol_ButtonHovered] = ImVec4(0.45f, 0.33f, 0.24f, 1.0f);
  style.Colors[ImGuiCol_ButtonActive] = ImVec4(0.85f, 0.55f, 0.22f, 1.0f);
  style.Colors[ImGuiCol_PlotHistogram] = ImVec4(0.77f, 0.47f, 0.16f, 1.0f);
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
  m_pointerIsTouch = event.touch;
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
  // The backend measured the window; the UI is laid out on the turned picture.
  if (m_layout.quarterTurn) std::swap(io.DisplaySize.x, io.DisplaySize.y);
  if (!m_fontPixelsFreed) {
    // The backend has made its texture from the atlas: the atlas's own two copies of the pixels
    // (10 MB for Latin glyphs, 20 MB with Chinese) are no longer needed.
    io.Fonts->ClearTexData();
    m_fontPixelsFreed = true;
  }
  // Overrides what the backend polled: this is the one pointer path, for touch and mouse.
  // A tap that went down and up between two frames is shown to ImGui as down for one frame.
  io.MousePos = m_pointerPos;
  io.MouseDown[0] = m_pointerDown || m_pressPending;
  if (m_pressPending) {
    m_pressPending = false;
  } else if (m_releasePending && !m_pointerDown) {
    m_releasePending = false;
    // A lifted finger leaves no hover behind (a mouse pointer stays where it is).
    if (m_pointerIsTouch) m_pointerPos = ImVec2(-FLT_MAX, -FLT_MAX);
  }
  ImGui::NewFrame();
  if (m_settleFrames > 0) --m_settleFrames;
}

void UiContext::render() {
  ImGui::Render();
  ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
}

}  // namespace etalase::platform

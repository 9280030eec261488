// Dear ImGui on SDL_Renderer, with fonts sized for the screen and our own pointer path
// (ImGui 1.86's SDL backend polls the mouse and needs focus, so taps are fed in here).
// UI thread only. One per process.
#pragma once

#include <SDL.h>
#include <imgui.h>

#include <string>
#include <vector>

#include "pointer_input.h"

namespace etalase::platform {

struct UiFonts {
  ImFont* body = nullptr;
  ImFont* title = nullptr;
  ImFont* small = nullptr;
};

// How the UI sits on the panel.
struct UiLayout {
  float scale = 1.0f;        // on top of the size read off the screen: 1.25 reads better on a 7" panel
  bool quarterTurn = false;  // the picture is turned 90 or 270 degrees on the panel (Display)
};

class UiContext {
 public:
  // `texts` is everything the screens may show (pack texts, UI strings): glyphs are loaded for
  // exactly the characters in it, so Chinese costs a few hundred glyphs, not the whole font.
  UiContext(SDL_Window* window, SDL_Renderer* renderer, const std::vector<std::string>& texts, UiLayout layout = {});
  ~UiContext();
  UiContext(const UiContext&) = delete;
  UiContext& operator=(const UiContext&) = delete;

  // Keyboard, text and wheel events go to ImGui; pointers come through pointer().
  void processEvent(const SDL_Event& event);
  void pointer(const PointerEvent& event);
  void newFrame();
  void render();
  // ImGui settles hover and press states over a couple of frames after each input.
  bool wantsAnotherFrame() const { return m_settleFrames > 0; }
  const UiFonts& fonts() const { return m_fonts; }
  // Body text height in pixels; everything else is sized from it.
  float unit() const { return m_unit; }

 private:
  void loadFonts(int shortSide, const std::vector<std::string>& texts);

  SDL_Renderer* m_renderer;
  UiLayout m_layout;
  UiFonts m_fonts;
  ImVector<ImWchar> m_glyphRanges;  // must outlive the font atlas build
  float m_unit = 24.0f;
  ImVec2 m_pointerPos{-1.0f, -1.0f};
  bool m_pointerDown = false;
  bool m_pointerIsTouch = false;
  bool m_pressPending = false;    // a press this frame, even if released within it
  bool m_releasePending = false;  // lift after the frame that saw the press
  int m_settleFrames = 0;
  bool m_fontPixelsFreed = false;  // the atlas pixels, once the renderer has its texture
};

}  // namespace etalase::platform

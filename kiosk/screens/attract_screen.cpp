// Attract loop overlay and title card.
#include "attract_screen.h"

#include <imgui.h>

#include "kiosk/screens/ui_text.h"

namespace etalase::kiosk {

namespace {
const ImU32 kBrandTop = IM_COL32(122, 40, 24, 255);     // sogan brown of batik
const ImU32 kBrandBottom = IM_COL32(196, 120, 40, 255);  // turmeric
}  // namespace

SDL_Rect attractBand(const ScreenContext& context) {
  const int height = static_cast<int>(context.unit * 2.2f);
  return SDL_Rect{0, context.screenSize.y - height, context.screenSize.x, height};
}

void drawAttractOverlay(const ScreenContext& context) {
  ImDrawList* draw = ImGui::GetForegroundDrawList();
  const ImVec2 size(static_cast<float>(context.screenSize.x), static_cast<float>(context.screenSize.y));
  const float barHeight = static_cast<float>(attractBand(context).h);
  const char* invite = uiText(UiString::TouchToExplore, context.language);
  ImFont* font = context.fonts->body;
  const ImVec2 textSize = font->CalcTextSizeA(font->FontSize, size.x, 0.0f, invite);
  const ImVec2 at((size.x - textSize.x) * 0.5f, size.y - barHeight * 0.5f - textSize.y * 0.5f);
  draw->AddText(font, font->FontSize, ImVec2(at.x + 2, at.y + 2), IM_COL32(0, 0, 0, 255), invite);
  draw->AddText(font, font->FontSize, at, IM_COL32(255, 255, 255, 255), invite);
}

void drawTitleCard(const ScreenContext& context, const std::string& headline, const std::string& detail) {
  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  const ImVec2 size(static_cast<float>(context.screenSize.x), static_cast<float>(context.screenSize.y));
  draw->AddRectFilledMultiColor(ImVec2(0, 0), size, kBrandTop, kBrandTop, kBrandBottom, kBrandBottom);
  ImFont* title = context.fonts->title;
  const float wrap = size.x * 0.8f;
  const ImVec2 titleSize = title->CalcTextSizeA(title->FontSize, FLT_MAX, wrap, headline.c_str());
  float y = size.y * 0.42f - titleSize.y * 0.5f;
  draw->AddText(title, title->FontSize, ImVec2((size.x - titleSize.x) * 0.5f, y), IM_COL32(255, 248, 235, 255),
                headline.c_str(), nullptr, wrap);
  y += titleSize.y + context.unit;
  if (!detail.empty()) {
    ImFont* body = context.fonts->body;
    const ImVec2 detailSize = body->CalcTextSizeA(body->FontSize, FLT_MAX, wrap, detail.c_str());
    draw->AddText(body, body->FontSize, ImVec2((size.x - detailSize.x) * 0.5f, y), IM_COL32(255, 236, 210, 255),
                  detail.c_str(), nullptr, wrap);
  }
}

void drawNoPackCard(const ScreenContext& context) {
  drawTitleCard(context, uiText(UiString::NoPackTitle, context.language), uiText(UiString::NoPackHint, context.language));
}

}  // namespace etalase::kiosk

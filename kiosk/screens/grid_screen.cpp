// Product grid drawing.
#include "grid_screen.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <set>

#include "kiosk/ui_text.h"

namespace etalase::kiosk {

namespace {

const ImVec4 kBackground(0.12f, 0.09f, 0.08f, 1.0f);
const ImVec4 kAccent(0.77f, 0.47f, 0.16f, 1.0f);
const ImVec4 kTile(0.20f, 0.16f, 0.14f, 1.0f);

float languageSwitchWidth(const ScreenContext& context) {
  float width = 0.0f;
  for (const auto& code : context.catalog->languages) {
    width += ImGui::CalcTextSize(languageName(code).c_str()).x + ImGui::GetStyle().FramePadding.x * 2 +
             ImGui::GetStyle().ItemSpacing.x;
  }
  return width;
}

// The pack title, cut with an ellipsis where it would run under the language switch.
void drawTitle(const ScreenContext& context, float rightEdge) {
  const std::string& title = localized(context.catalog->title, context.language, context.catalog->defaultLanguage);
  ImGui::PushFont(context.fonts->title);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float height = ImGui::GetTextLineHeight();
  ImGui::RenderTextEllipsis(ImGui::GetWindowDrawList(), at, ImVec2(rightEdge, at.y + height), rightEdge, rightEdge,
                            title.c_str(), nullptr, nullptr);
  ImGui::Dummy(ImVec2(std::max(1.0f, rightEdge - at.x), height));
  ImGui::PopFont();
}

// A language switch button per pack language, right-aligned on the title's line.
std::optional<std::string> drawLanguageSwitch(const ScreenContext& context, float startX) {
  std::optional<std::string> picked;
  const auto& languages = context.catalog->languages;
  ImGui::SameLine(startX);
  for (const auto& code : languages) {
    const bool current = code == context.language;
    ImGui::PushStyleColor(ImGuiCol_Button, current ? kAccent : kTile);
    if (ImGui::Button(languageName(code).c_str()) && !current) picked = code;
    ImGui::PopStyleColor();
    ImGui::SameLine();
  }
  ImGui::NewLine();
  return picked;
}

void drawCategoryFilter(const ScreenContext& context, GridState& state) {
  std::set<std::string> categories;
  for (const Product& p : context.catalog->products) {
    if (!p.category.empty()) categories.insert(p.category);
  }
  auto chip = [&](const std::string& label, const std::string& value) {
    const bool current = state.category == value;
    ImGui::PushStyleColor(ImGuiCol_Button, current ? kAccent : kTile);
    if (ImGui::Button(label.c_str())) state.category = value;
    ImGui::PopStyleColor();
    ImGui::SameLine();
  };
  chip(uiText(UiString::AllCategories, context.language), "");
  for (const std::string& category : categories) {
    std::string label = category;
    if (!label.empty()) label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
    chip(label, category);
  }
  ImGui::NewLine();
}

bool drawTile(const ScreenContext& context, std::size_t index, ImVec2 size) {
  const Catalog& catalog = *context.catalog;
  const Product& product = catalog.products[index];
  const Producer* producer = catalog.producer(product.producerId);
  const std::string& fallback = catalog.defaultLanguage;
  ImGui::PushID(static_cast<int>(index));
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::PushStyleColor(ImGuiCol_Button, kTile);
  const bool tapped = ImGui::Button("##tile", size);
  ImGui::PopStyleColor();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float pad = context.unit * 0.4f;
  const float pictureHeight = size.y - context.unit * 3.4f;
  SDL_Texture* poster = context.productPosters && index < context.productPosters->size()
                            ? (*context.productPosters)[index]
                            : nullptr;
  const ImVec2 picMin(origin.x + pad, origin.y + pad);
  const ImVec2 picMax(origin.x + size.x - pad, origin.y + pictureHeight);
  if (poster) {
    int w = 0, h = 0;
    SDL_QueryTexture(poster, nullptr, nullptr, &w, &h);
    // Cover the picture area, cropping the poster's excess rather than stretching it.
    const float boxW = picMax.x - picMin.x, boxH = picMax.y - picMin.y;
    const float boxAspect = boxW / boxH, picAspect = static_cast<float>(w) / static_cast<float>(std::max(h, 1));
    ImVec2 uv0(0, 0), uv1(1, 1);
    if (picAspect > boxAspect) {
      const float keep = boxAspect / picAspect;
      uv0.x = (1 - keep) / 2;
      uv1.x = 1 - uv0.x;
    } else {
      const float keep = picAspect / boxAspect;
      uv0.y = (1 - keep) / 2;
      uv1.y = 1 - uv0.y;
    }
    draw->AddImageRounded(poster, picMin, picMax, uv0, uv1, IM_COL32_WHITE, context.unit * 0.3f);
  } else {
    draw->AddRectFilled(picMin, picMax, IM_COL32(90, 60, 40, 255), context.unit * 0.3f);
  }
  const std::string& name = localized(product.name, context.language, fallback);
  ImFont* body = context.fonts->body;
  ImFont* small = context.fonts->small;
  const float textWidth = size.x - 2 * pad;
  draw->PushClipRect(ImVec2(origin.x, origin.y), ImVec2(origin.x + size.x, origin.y + size.y), true);
  draw->AddText(body, body->FontSize, ImVec2(origin.x + pad, origin.y + pictureHeight + pad * 0.6f),
                IM_COL32(255, 250, 240, 255), name.c_str(), nullptr, textWidth);
  if (producer) {
    const std::string line = localized(producer->name, context.language, fallback) + " · " +
                             localized(producer->region, context.language, fallback);
    draw->AddText(small, small->FontSize,
                  ImVec2(origin.x + pad, origin.y + size.y - small->FontSize - pad),
                  IM_COL32(230, 190, 140, 255), line.c_str());
  }
  draw->PopClipRect();
  ImGui::PopID();
  return tapped;
}

}  // namespace

GridAction drawGrid(const ScreenContext& context, GridState& state) {
  GridAction action;
  ImGui::PushStyleColor(ImGuiCol_WindowBg, kBackground);
  beginFullScreenWindow("grid", false);
  const float switchX = std::max(ImGui::GetWindowWidth() * 0.4f, ImGui::GetWindowWidth() - languageSwitchWidth(context) -
                                                                       ImGui::GetStyle().WindowPadding.x);
  drawTitle(context, ImGui::GetWindowPos().x + switchX - context.unit);
  action.language = drawLanguageSwitch(context, switchX);
  drawCategoryFilter(context, state);
  ImGui::Spacing();

  ImGui::BeginChild("tiles", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollbar);
  const float available = ImGui::GetContentRegionAvail().x;
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const int columns = std::clamp(static_cast<int>(available / (context.unit * 13.0f)), 2, 6);
  const float tileWidth = (available - spacing * static_cast<float>(columns - 1)) / static_cast<float>(columns);
  const ImVec2 tileSize(tileWidth, tileWidth * 0.62f + context.unit * 3.4f);
  int column = 0;
  for (std::size_t i = 0; i < context.catalog->products.size(); ++i) {
    const Product& product = context.catalog->products[i];
    if (!state.category.empty() && product.category != state.category) continue;
    if (column > 0) ImGui::SameLine();
    if (drawTile(context, i, tileSize)) action.product = i;
    column = (column + 1) % columns;
  }
  // Drag to scroll: a finger swipes the grid the way a phone would.
  if (ImGui::IsWindowHovered() && ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
    ImGui::SetScrollY(ImGui::GetScrollY() - ImGui::GetIO().MouseDelta.y);
  }
  ImGui::EndChild();
  endFullScreenWindow();
  ImGui::PopStyleColor();
  return action;
}

}  // namespace etalase::kiosk

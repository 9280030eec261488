// Product grid drawing.
#include "grid_screen.h"

#include <imgui.h>

#include <algorithm>
#include <set>

#include "kiosk/screens/contact/form_text.h"
#include "kiosk/screens/ui_text.h"
#include "widgets.h"

namespace etalase::kiosk {

namespace {

void drawCategoryFilter(const ScreenContext& context, GridState& state) {
  std::set<std::string> categories;
  for (const Product& p : context.catalog->products) {
    if (!p.category.empty()) categories.insert(p.category);
  }
  bool first = true;
  auto chip = [&](const std::string& label, const std::string& value) {
    if (!first) flowNextItem(buttonWidth(context, label.c_str()));
    first = false;
    ImGui::PushID(value.c_str());
    if (touchButton(context, label.c_str(), state.category == value ? kAccent : kTile)) state.category = value;
    ImGui::PopID();
  };
  chip(uiText(UiString::AllCategories, context.language), "");
  for (const std::string& category : categories) {
    std::string label = category;
    if (!label.empty()) label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
    chip(label, category);
  }
}

}  // namespace

GridAction drawGrid(const ScreenContext& context, GridState& state) {
  GridAction action;
  ImGui::PushStyleColor(ImGuiCol_WindowBg, kBackground);
  beginFullScreenWindow("grid", false);
  const std::string& title = localized(context.catalog->title, context.language, context.catalog->defaultLanguage);
  action.language = drawHeader(context, title, false).language;
  drawCategoryFilter(context, state);
  flowNextItem(buttonWidth(context, formText(FormString::FormTitle, context.language)));
  action.contact = touchButton(context, formText(FormString::FormTitle, context.language), kAccent);
  rememberLastItem("grid.contact");
  ImGui::Spacing();

  ImGui::BeginChild("tiles", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollbar);
  action.product = drawProductTiles(
      context, [&](const Product& product) { return state.category.empty() || product.category == state.category; });
  dragToScroll();
  ImGui::EndChild();
  endFullScreenWindow();
  ImGui::PopStyleColor();
  return action;
}

}  // namespace etalase::kiosk

// Shared screen pieces.
#include "widgets.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <utility>
#include <string>

#include "kiosk/screens/ui_text.h"

namespace etalase::kiosk {

float buttonHeight(const ScreenContext& context) { return std::max(context.touchTarget, context.unit * 1.8f); }

namespace {

// A finger that moved while down was scrolling, not tapping: the page moved with it, so it
// lifts over the same button it landed on, which must not count as a press.
bool wasSwipe(const ScreenContext& context) {
  const float slop = context.touchTarget * 0.5f;
  return ImGui::GetIO().MouseDragMaxDistanceSqr[ImGuiMouseButton_Left] > slop * slop;
}

// A language's button: its own name ("Bahasa Indonesia"), or its code ("ID") where the names of
// all the pack's languages would take more than 60% of the screen's width (a portrait stand).
std::string languageLabel(const std::string& code, bool shortLabels) {
  if (!shortLabels) return languageName(code);
  std::string label = code;
  for (char& c : label) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return label;
}

float languageSwitchWidth(const ScreenContext& context, bool shortLabels) {
  float width = 0.0f;
  for (const auto& code : context.catalog->languages) {
    width += std::max(ImGui::CalcTextSize(languageLabel(code, shortLabels).c_str()).x + ImGui::GetStyle().FramePadding.x * 2,
                      context.touchTarget) +
             ImGui::GetStyle().ItemSpacing.x;
  }
  return width;
}

}  // namespace

float buttonWidth(const ScreenContext& context, const char* label) {
  return std::max(ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2, context.touchTarget);
}

void flowNextItem(float width) {
  const float lineEnd = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width <= lineEnd) ImGui::SameLine();
}

bool touchButton(const ScreenContext& context, const char* label, const ImVec4& colour, float width) {
  ImGui::PushStyleColor(ImGuiCol_Button, colour);
  const bool pressed = ImGui::Button(label, ImVec2(std::max(width, buttonWidth(context, label)), buttonHeight(context)));
  ImGui::PopStyleColor();
  return pressed && !wasSwipe(context);
}

HeaderAction drawHeader(const ScreenContext& context, const std::string& title, bool withBack) {
  HeaderAction action;
  const float windowX = ImGui::GetWindowPos().x;
  const bool shortLabels = languageSwitchWidth(context, false) > ImGui::GetWindowWidth() * 0.6f;
  const float switchX =
      std::max(ImGui::GetWindowWidth() * 0.4f,
               ImGui::GetWindowWidth() - languageSwitchWidth(context, shortLabels) - ImGui::GetStyle().WindowPadding.x);
  const float height = buttonHeight(context);
  const float lineY = ImGui::GetCursorScreenPos().y;
  if (withBack) {
    const std::string label = std::string("< ") + uiText(UiString::Back, context.language);
    action.back = touchButton(context, label.c_str(), kAccent, context.unit * 5.0f);
    ImGui::SameLine();
  }
  // The title, vertically centred on the buttons' line and cut before the language switch. On a
  // portrait screen a title too long for that gap gets a line of its own under the buttons: a
  // product's name is what the visitor came for, and a narrow screen has height to spare.
  ImGui::PushFont(context.fonts->title);
  const float titleHeight = ImGui::GetTextLineHeight();
  const ImVec2 at(ImGui::GetCursorScreenPos().x + (withBack ? context.unit * 0.4f : 0.0f),
                  lineY + std::max(0.0f, (height - titleHeight) / 2));
  const float rightEdge = windowX + switchX - context.unit;
  const ImVec2 screen = ImGui::GetIO().DisplaySize;
  const bool titleOwnLine = screen.y > screen.x && ImGui::CalcTextSize(title.c_str()).x > rightEdge - at.x;
  if (!titleOwnLine) {
    ImGui::RenderTextEllipsis(ImGui::GetWindowDrawList(), at, ImVec2(rightEdge, at.y + titleHeight), rightEdge,
                              rightEdge, title.c_str(), nullptr, nullptr);
  }
  ImGui::PopFont();
  ImGui::SameLine(switchX);
  for (const auto& code : context.catalog->languages) {
    const bool current = code == context.language;
    ImGui::PushID(code.c_str());
    if (touchButton(context, languageLabel(code, shortLabels).c_str(), current ? kAccent : kTile) && !current) {
      action.language = code;
    }
    ImGui::PopID();
    ImGui::SameLine();
  }
  ImGui::NewLine();
  ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, std::max(ImGui::GetCursorScreenPos().y, lineY + height)));
  if (titleOwnLine) {
    ImGui::PushFont(context.fonts->title);
    ImGui::TextWrapped("%s", title.c_str());
    ImGui::PopFont();
  }
  return action;
}

void drawFitted(ImDrawList* draw, SDL_Texture* texture, ImVec2 min, ImVec2 max, bool cover, float rounding) {
  int w = 0, h = 0;
  SDL_QueryTexture(texture, nullptr, nullptr, &w, &h);
  if (w <= 0 || h <= 0) return;
  const float boxW = max.x - min.x, boxH = max.y - min.y;
  const float boxAspect = boxW / boxH, picAspect = static_cast<float>(w) / static_cast<float>(h);
  if (cover) {  // crop the excess rather than stretch
    ImVec2 uv0(0, 0), uv1(1, 1);
    if (picAspect > boxAspect) {
      uv0.x = (1 - boxAspect / picAspect) / 2;
      uv1.x = 1 - uv0.x;
    } else {
      uv0.y = (1 - picAspect / boxAspect) / 2;
      uv1.y = 1 - uv0.y;
    }
    draw->AddImageRounded(texture, min, max, uv0, uv1, IM_COL32_WHITE, rounding);
    return;
  }
  ImVec2 size(boxW, boxH);
  if (picAspect > boxAspect) {
    size.y = boxW / picAspect;
  } else {
    size.x = boxH * picAspect;
  }
  const ImVec2 at(min.x + (boxW - size.x) / 2, min.y + (boxH - size.y) / 2);
  draw->AddImage(texture, at, ImVec2(at.x + size.x, at.y + size.y));
}

float productTileHeight(const ScreenContext& context, float width) { return width * 0.62f + context.unit * 3.4f; }

bool drawProductTile(const ScreenContext& context, std::size_t index, ImVec2 size) {
  const Catalog& catalog = *context.catalog;
  const Product& product = catalog.products[index];
  const Producer* producer = catalog.producer(product.producerId);
  const std::string& fallback = catalog.defaultLanguage;
  ImGui::PushID(static_cast<int>(index));
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::PushStyleColor(ImGuiCol_Button, kTile);
  const bool tapped = ImGui::Button("##tile", size) && !wasSwipe(context);
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
    drawFitted(draw, poster, picMin, picMax, true, context.unit * 0.3f);
  } else {
    draw->AddRectFilled(picMin, picMax, IM_COL32(90, 60, 40, 255), context.unit * 0.3f);
  }
  const std::string& name = localized(product.name, context.language, fallback);
  ImFont* body = context.fonts->body;
  ImFont* small = context.fonts->small;
  const float textWidth = size.x - 2 * pad;
  draw->PushClipRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), true);
  draw->AddText(body, body->FontSize, ImVec2(origin.x + pad, origin.y + pictureHeight + pad * 0.6f), kTextColour,
                name.c_str(), nullptr, textWidth);
  if (producer) {
    const std::string line = localized(producer->name, context.language, fallback) + " · " +
                             localized(producer->region, context.language, fallback);
    draw->AddText(small, small->FontSize, ImVec2(origin.x + pad, origin.y + size.y - small->FontSize - pad),
                  kSubtleTextColour, line.c_str());
  }
  draw->PopClipRect();
  ImGui::PopID();
  return tapped;
}

std::optional<std::size_t> drawProductTiles(const ScreenContext& context,
                                            const std::function<bool(const Product&)>& shown) {
  std::optional<std::size_t> tapped;
  const float available = ImGui::GetContentRegionAvail().x;
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const int columns = std::clamp(static_cast<int>(available / (context.unit * 13.0f)), 2, 6);
  const float tileWidth = (available - spacing * static_cast<float>(columns - 1)) / static_cast<float>(columns);
  const ImVec2 tileSize(tileWidth, productTileHeight(context, tileWidth));
  int column = 0;
  for (std::size_t i = 0; i < context.catalog->products.size(); ++i) {
    if (!shown(context.catalog->products[i])) continue;
    if (column > 0) ImGui::SameLine();
    if (drawProductTile(context, i, tileSize)) tapped = i;
    column = (column + 1) % columns;
  }
  return tapped;
}

void drawDimBackdrop(const char* id, ImU32 colour, bool overEverything) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->Pos);
  ImGui::SetNextWindowSize(viewport->Size);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, colour);
  // Never raised by a tap on it, or it would cover its own dialog.
  ImGui::Begin(id, nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus);
  if (overEverything) ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
  ImGui::End();
  ImGui::PopStyleColor();
}

void centreNextWindow(float width) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x + viewport->Size.x / 2, viewport->Pos.y + viewport->Size.y / 2),
                          ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  if (width > 0) ImGui::SetNextWindowSize(ImVec2(width, 0));
}

namespace {
bool g_scrollCoasting = false;  // some list is still moving after its finger lifted
}  // namespace

void dragToScroll() {
  // The velocity is the window's own (ImGui keeps it between frames in the window's storage).
  ImGuiStorage* storage = ImGui::GetStateStorage();
  const ImGuiID key = ImGui::GetID("##scroll-velocity");
  float velocity = storage->GetFloat(key, 0.0f);  // px per second, down the list
  const ImGuiIO& io = ImGui::GetIO();
  // A frame after a pause (nothing moving, nothing drawn) must not jump the list.
  const float seconds = std::min(io.DeltaTime, 0.05f);
  if (ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows | ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
      ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
    ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
    // Smoothed over a few frames: the finger's speed at the moment it lifts.
    if (seconds > 0) velocity = 0.5f * velocity + 0.5f * (-io.MouseDelta.y / seconds);
  } else if (ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
    velocity = 0.0f;  // a finger put on a moving list stops it
  } else if (velocity != 0.0f) {
    // Coasting, as on a phone: the speed falls by e every 0.35 s until it is too slow to see.
    ImGui::SetScrollY(std::clamp(ImGui::GetScrollY() + velocity * seconds, 0.0f, ImGui::GetScrollMaxY()));
    velocity *= std::exp(-seconds / 0.35f);
    const bool atEnd = (velocity < 0 && ImGui::GetScrollY() <= 0.0f) ||
                       (velocity > 0 && ImGui::GetScrollY() >= ImGui::GetScrollMaxY());
    if (std::abs(velocity) < 20.0f || atEnd) velocity = 0.0f;
    else g_scrollCoasting = true;
  }
  storage->SetFloat(key, velocity);
}

bool takeScrollCoasting() { return std::exchange(g_scrollCoasting, false); }

namespace {
std::map<std::string, std::pair<ImVec2, ImVec2>>& controls() {
  static std::map<std::string, std::pair<ImVec2, ImVec2>> places;
  return places;
}
}  // namespace

void rememberControl(const std::string& name, ImVec2 min, ImVec2 max) { controls()[name] = {min, max}; }

void rememberLastItem(const std::string& name) { rememberControl(name, ImGui::GetItemRectMin(), ImGui::GetItemRectMax()); }

std::optional<ControlArea> controlArea(const std::string& name) {
  const auto it = controls().find(name);
  if (it == controls().end()) return std::nullopt;
  return ControlArea{it->second.first, it->second.second};
}

std::optional<ImVec2> controlCentre(const std::string& name) {
  const auto area = controlArea(name);
  if (!area) return std::nullopt;
  return ImVec2((area->min.x + area->max.x) / 2, (area->min.y + area->max.y) / 2);
}

void forgetControls() { controls().clear(); }

}  // namespace etalase::kiosk

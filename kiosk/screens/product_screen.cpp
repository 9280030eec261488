// Product page drawing.
#include "product_screen.h"

#include <imgui.h>

#include <algorithm>

#include "kiosk/screens/product_facts.h"
#include "kiosk/screens/contact/form_text.h"
#include "kiosk/screens/ui_text.h"

namespace etalase::kiosk {

namespace {

constexpr ImU32 kBadge = IM_COL32(34, 110, 64, 255);
constexpr ImU32 kMediaBackdrop = IM_COL32(0, 0, 0, 255);
constexpr ImU32 kSelected = IM_COL32(196, 120, 41, 255);

const std::string& text(const ScreenContext& context, const LocalizedText& localizedText) {
  return localized(localizedText, context.language, context.catalog->defaultLanguage);
}

// The large picture and, under it, a thumbnail per video and photo to switch between them.
SDL_Rect drawMedia(const ScreenContext& context, ProductState& state, const ProductMedia& media, ImVec2 size) {
  SDL_Rect videoArea{0, 0, 0, 0};
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float thumbHeight = std::max(context.touchTarget, context.unit * 3.0f);
  const float spacing = ImGui::GetStyle().ItemSpacing.y;
  const float mediaHeight = std::min(size.x * 9.0f / 16.0f, size.y - thumbHeight - spacing);
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 max(min.x + size.x, min.y + mediaHeight);
  draw->AddRectFilled(min, max, kMediaBackdrop);
  const int items = (media.hasVideo ? 1 : 0) + static_cast<int>(media.photos.size());
  state.media = std::clamp(state.media, 0, std::max(0, items - 1));
  const bool videoSelected = media.hasVideo && state.media == 0;
  if (videoSelected) {
    videoArea = SDL_Rect{static_cast<int>(min.x), static_cast<int>(min.y), static_cast<int>(size.x),
                         static_cast<int>(mediaHeight)};
    if (!media.videoShowing && media.poster) drawFitted(draw, media.poster, min, max, false, 0.0f);
  } else if (items > 0) {
    SDL_Texture* photo = media.photos[static_cast<std::size_t>(state.media - (media.hasVideo ? 1 : 0))];
    if (photo) drawFitted(draw, photo, min, max, false, 0.0f);
  }
  ImGui::Dummy(ImVec2(size.x, mediaHeight));
  if (items < 2) return videoArea;

  const float thumbWidth = thumbHeight * 16.0f / 9.0f;
  for (int i = 0; i < items; ++i) {
    if (i > 0) ImGui::SameLine();
    ImGui::PushID(i);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::PushStyleColor(ImGuiCol_Button, kTile);
    if (ImGui::Button("##media", ImVec2(thumbWidth, thumbHeight))) state.media = i;
    ImGui::PopStyleColor();
    const ImVec2 end(at.x + thumbWidth, at.y + thumbHeight);
    const bool isVideo = media.hasVideo && i == 0;
    SDL_Texture* picture = isVideo ? media.poster : media.photos[static_cast<std::size_t>(i - (media.hasVideo ? 1 : 0))];
    if (picture) drawFitted(draw, picture, at, end, true, 0.0f);
    if (isVideo) {  // a play mark, drawn: no font needed for it
      const ImVec2 c((at.x + end.x) / 2, (at.y + end.y) / 2);
      const float r = thumbHeight * 0.22f;
      draw->AddCircleFilled(c, r * 1.4f, IM_COL32(0, 0, 0, 150));
      draw->AddTriangleFilled(ImVec2(c.x - r * 0.5f, c.y - r * 0.8f), ImVec2(c.x - r * 0.5f, c.y + r * 0.8f),
                              ImVec2(c.x + r * 0.9f, c.y), IM_COL32_WHITE);
    }
    if (i == state.media) draw->AddRect(at, end, kSelected, 0.0f, 0, context.unit * 0.2f);
    ImGui::PopID();
  }
  return videoArea;
}

void drawBadges(const ScreenContext& context, const Product& product) {
  if (product.certifications.empty()) return;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float pad = context.unit * 0.5f;
  const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
  for (std::size_t i = 0; i < product.certifications.size(); ++i) {
    const std::string label = formatCertification(product.certifications[i]);
    const ImVec2 textSize = ImGui::CalcTextSize(label.c_str());
    const ImVec2 size(textSize.x + pad * 2, textSize.y + pad);
    if (i > 0) {
      ImGui::SameLine();
      if (ImGui::GetCursorScreenPos().x + size.x > right) ImGui::NewLine();
    }
    const ImVec2 at = ImGui::GetCursorScreenPos();
    draw->AddRectFilled(at, ImVec2(at.x + size.x, at.y + size.y), kBadge, size.y / 2);
    draw->AddText(ImVec2(at.x + pad, at.y + pad / 2), kTextColour, label.c_str());
    ImGui::Dummy(size);
  }
}

void drawFacts(const ScreenContext& context, const Product& product) {
  const auto facts = productFacts(product, context.language);
  if (facts.empty()) return;
  if (!ImGui::BeginTable("facts", 2, ImGuiTableFlags_SizingStretchProp)) return;
  ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthStretch, 0.38f);
  ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch, 0.62f);
  for (const Fact& fact : facts) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::PushFont(context.fonts->small);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kSubtleTextColour));
    ImGui::TextWrapped("%s", fact.label.c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", fact.value.c_str());
  }
  ImGui::EndTable();
}

void sectionLabel(const ScreenContext& context, const char* label) {
  ImGui::Spacing();
  ImGui::PushFont(context.fonts->small);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kSubtleTextColour));
  ImGui::TextUnformatted(label);
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

}  // namespace

void drawContactCard(const ScreenContext& context, const QrCode& qr, const ContactLink& link, float side) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 at = ImGui::GetCursorScreenPos();
  // White with a quiet zone of 4 modules, which phone cameras need to find the code.
  const int modules = qr.size + 8;
  const float cell = std::floor(side / static_cast<float>(modules));
  const float square = cell * static_cast<float>(modules);
  draw->AddRectFilled(at, ImVec2(at.x + square, at.y + square), IM_COL32_WHITE);
  for (int y = 0; y < qr.size; ++y) {
    for (int x = 0; x < qr.size; ++x) {
      if (!qr.dark(x, y)) continue;
      const ImVec2 m(at.x + cell * static_cast<float>(x + 4), at.y + cell * static_cast<float>(y + 4));
      draw->AddRectFilled(m, ImVec2(m.x + cell, m.y + cell), IM_COL32_BLACK);
    }
  }
  ImGui::Dummy(ImVec2(square, square));
  ImGui::SameLine();
  ImGui::BeginGroup();
  const UiString caption = link.kind == ContactLink::Kind::WhatsApp ? UiString::ScanToChat
                           : link.kind == ContactLink::Kind::Website ? UiString::ScanToVisit
                                                                     : UiString::ScanToEmail;
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(uiText(caption, context.language));
  ImGui::PushFont(context.fonts->small);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kSubtleTextColour));
  ImGui::TextUnformatted(link.shown.c_str());
  ImGui::PopStyleColor();
  ImGui::PopFont();
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
}

ProductAction drawProduct(const ScreenContext& context, ProductState& state, const ProductMedia& media) {
  ProductAction action;
  const Catalog& catalog = *context.catalog;
  const Product& product = catalog.products[state.product];
  const Producer* producer = catalog.producer(product.producerId);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, kBackground);
  beginFullScreenWindow("product", false);
  action.header = drawHeader(context, text(context, product.name), true);
  ImGui::Spacing();

  const ImVec2 body = ImGui::GetContentRegionAvail();
  const bool landscape = context.screenSize.x >= context.screenSize.y;
  const float mediaWidth = landscape ? body.x * 0.56f : body.x;
  const float mediaBlockHeight = landscape ? body.y : std::min(body.y * 0.5f, mediaWidth * 9.0f / 16.0f + context.unit * 4.0f);
  ImGui::BeginChild("media", ImVec2(mediaWidth, mediaBlockHeight), false, ImGuiWindowFlags_NoScrollbar);
  action.videoArea = drawMedia(context, state, media, ImGui::GetContentRegionAvail());
  ImGui::EndChild();
  if (landscape) ImGui::SameLine();

  ImGui::BeginChild("facts", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollbar);
  ImGui::PushTextWrapPos(0.0f);
  if (producer) {
    const std::string label = uiText(UiString::From, context.language) + std::string(" ") +
                              text(context, producer->name) + " · " + text(context, producer->region) + "  >";
    ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.0f, 0.5f));
    action.openProducer = touchButton(context, label.c_str(), kTile, ImGui::GetContentRegionAvail().x);
    ImGui::PopStyleVar();
  }
  action.contact = touchButton(context, formText(FormString::ContactProducer, context.language), kAccent,
                               ImGui::GetContentRegionAvail().x);
  rememberLastItem("product.contact");
  ImGui::Spacing();
  drawBadges(context, product);
  ImGui::Spacing();
  drawFacts(context, product);
  // Right under the facts: the code is what a buyer leaves the stand with.
  if (media.contactQr && media.contact) {
    ImGui::Spacing();
    drawContactCard(context, *media.contactQr, *media.contact, std::max(context.unit * 7.0f, 120.0f));
  }
  if (const std::string& description = text(context, product.description); !description.empty()) {
    ImGui::Spacing();
    ImGui::TextUnformatted(description.c_str());
  }
  if (const std::string& materials = text(context, product.materials); !materials.empty()) {
    sectionLabel(context, uiText(UiString::Materials, context.language));
    ImGui::TextUnformatted(materials.c_str());
  }
  if (producer) {
    if (const std::string& story = text(context, producer->story); !story.empty()) {
      sectionLabel(context, uiText(UiString::AboutProducer, context.language));
      ImGui::TextUnformatted(story.c_str());
    }
  }
  ImGui::PopTextWrapPos();
  dragToScroll();
  ImGui::EndChild();
  endFullScreenWindow();
  ImGui::PopStyleColor();
  return action;
}

}  // namespace etalase::kiosk

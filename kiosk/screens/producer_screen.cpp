// Producer page drawing.
#include "producer_screen.h"

#include <imgui.h>

#include <algorithm>

#include "kiosk/screens/contact/form_text.h"
#include "kiosk/screens/ui_text.h"
#include "product_screen.h"

namespace etalase::kiosk {

ProducerAction drawProducer(const ScreenContext& context, const Producer& producer, const ProducerMedia& media) {
  ProducerAction action;
  const Catalog& catalog = *context.catalog;
  auto text = [&](const LocalizedText& t) -> const std::string& {
    return localized(t, context.language, catalog.defaultLanguage);
  };
  ImGui::PushStyleColor(ImGuiCol_WindowBg, kBackground);
  beginFullScreenWindow("producer", false);
  action.header = drawHeader(context, text(producer.name), true);
  action.contact = touchButton(context, formText(FormString::ContactProducer, context.language), kAccent);
  ImGui::Spacing();

  ImGui::BeginChild("page", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollbar);
  const float width = ImGui::GetContentRegionAvail().x;
  const float logoSide = context.unit * 5.0f;
  if (media.logo) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + logoSide, at.y + logoSide), IM_COL32_WHITE,
                                              context.unit * 0.3f);
    drawFitted(ImGui::GetWindowDrawList(), media.logo, ImVec2(at.x + 4, at.y + 4),
               ImVec2(at.x + logoSide - 4, at.y + logoSide - 4), false, 0.0f);
    ImGui::Dummy(ImVec2(logoSide, logoSide));
    ImGui::SameLine();
  }
  const float storyWidth = media.contactQr ? width * 0.58f : width;
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + storyWidth - (media.logo ? logoSide : 0.0f));
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kSubtleTextColour));
  ImGui::TextUnformatted(text(producer.region).c_str());
  ImGui::PopStyleColor();
  ImGui::Spacing();
  ImGui::TextUnformatted(text(producer.story).c_str());
  if (!producer.contact.email.empty()) ImGui::TextUnformatted(producer.contact.email.c_str());
  if (!producer.contact.website.empty()) ImGui::TextUnformatted(producer.contact.website.c_str());
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
  if (media.contactQr && media.contact) {
    ImGui::SameLine(width * 0.62f);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(width);
    drawContactCard(context, *media.contactQr, *media.contact, std::max(context.unit * 7.0f, 120.0f));
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
  }

  ImGui::Spacing();
  ImGui::PushFont(context.fonts->title);
  ImGui::TextUnformatted(uiText(UiString::ProductsOfProducer, context.language));
  ImGui::PopFont();
  action.product = drawProductTiles(context, [&](const Product& product) { return product.producerId == producer.id; });
  dragToScroll();
  ImGui::EndChild();
  endFullScreenWindow();
  ImGui::PopStyleColor();
  return action;
}

}  // namespace etalase::kiosk

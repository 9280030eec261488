// Drawing the contact form, its thank-you screen and the idle warning (ImGui only).
#include <imgui.h>
#include <imgui_internal.h>  // BringWindowToDisplayFront: the question goes over the keyboard

#include <algorithm>
#include <cstdio>

#include "kiosk/locale/countries.h"
#include "kiosk/screens/contact/contact_form.h"
#include "kiosk/screens/contact/form_text.h"
#include "kiosk/screens/product_screen.h"
#include "kiosk/screens/ui_text.h"
#include "kiosk/screens/widgets.h"

namespace etalase::kiosk {

namespace {

constexpr ImU32 kProblemColour = IM_COL32(255, 140, 120, 255);
constexpr ImU32 kFieldColour = IM_COL32(40, 32, 28, 255);
constexpr ImU32 kFocusColour = IM_COL32(196, 120, 41, 255);

}  // namespace

FormAction ContactForm::draw(const ScreenContext& context, Clock::time_point now) {
  FormAction action;
  pollSave();
  ImGui::PushStyleColor(ImGuiCol_WindowBg, kBackground);
  const bool shown = beginFullScreenWindow("contact", false);
  ImGui::PopStyleColor();
  if (!shown) {
    endFullScreenWindow();
    return action;
  }
  if (m_stage == Stage::Thanks) {
    drawThanks(context, action);
  } else {
    drawEditing(context, now, action);
  }
  endFullScreenWindow();
  if (m_idleResetAt) drawIdleWarning(context, now);
  return action;
}

void ContactForm::problemLine(Field field) {
  const auto it = m_problems.find(field);
  if (it == m_problems.end()) return;
  ImGui::PushStyleColor(ImGuiCol_Text, kProblemColour);
  ImGui::TextWrapped("%s", problemText(it->second, m_language));
  ImGui::PopStyleColor();
}

void ContactForm::drawTextField(const ScreenContext& context, Field field) {
  ImGui::PushID(static_cast<int>(field));
  ImGui::TextUnformatted(fieldLabel(field, m_language));
  if (m_settings.rules.required.count(field) > 0) {
    ImGui::SameLine();
    ImGui::TextColored(ImVec4(0.9f, 0.7f, 0.5f, 1.0f), "(%s)", formText(FormString::Required, m_language));
  }
  const bool focused = m_focused == field;
  const std::string& value = *textOf(field);
  const float width = ImGui::GetContentRegionAvail().x;
  const float lines = field == Field::Message ? 3.0f : 1.0f;
  const ImVec2 size(width, std::max(context.touchTarget, context.unit * 1.6f * lines));
  const ImVec2 at = ImGui::GetCursorScreenPos();
  if (ImGui::InvisibleButton("field", size)) focus(field);
  rememberLastItem(std::string("form.field.") + fieldKey(field));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const bool problem = m_problems.count(field) > 0;
  draw->AddRectFilled(at, ImVec2(at.x + size.x, at.y + size.y), kFieldColour, context.unit * 0.2f);
  draw->AddRect(at, ImVec2(at.x + size.x, at.y + size.y), focused ? kFocusColour : problem ? kProblemColour : IM_COL32(90, 75, 65, 255),
                context.unit * 0.2f, 0, focused ? 3.0f : 1.5f);
  const float pad = context.unit * 0.4f;
  ImGui::PushClipRect(at, ImVec2(at.x + size.x - pad, at.y + size.y), true);
  const std::string shown = focused ? value + "|" : value;  // a caret at the end, where typing goes
  draw->AddText(nullptr, 0.0f, ImVec2(at.x + pad, at.y + (lines > 1 ? pad : (size.y - ImGui::GetTextLineHeight()) / 2)),
                kTextColour, shown.c_str(), nullptr, lines > 1 ? size.x - 2 * pad : 0.0f);
  ImGui::PopClipRect();
  if (focused && m_scrollToFocus) {
    ImGui::SetScrollHereY(0.3f);  // the field being edited stays in view above the keyboard
    m_scrollToFocus = false;
  }
  problemLine(field);
  ImGui::Spacing();
  ImGui::PopID();
}

void ContactForm::drawCountryChoices(const ScreenContext& context) {
  if (m_focused != Field::Country) return;
  for (const CountryEntry& country : m_countryMatches) {
    ImGui::PushID(country.code.c_str());
    if (touchButton(context, country.name.c_str(), kTile)) {
      m_draft.countryCode = country.code;
      m_countryQuery = country.name;
      m_problems.erase(Field::Country);
      focus(Field::Email);
    }
    ImGui::PopID();
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < context.unit * 8) ImGui::NewLine();
  }
  ImGui::NewLine();
}

void ContactForm::drawChoices(const ScreenContext& context) {
  ImGui::TextUnformatted(fieldLabel(Field::BuyerType, m_language));
  for (const BuyerTypeChoice& choice : kBuyerTypes) {
    const bool chosen = m_draft.buyerType == choice.value;
    if (touchButton(context, formText(choice.label, m_language), chosen ? kAccent : kTile)) {
      m_draft.buyerType = chosen ? "" : choice.value;
    }
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < context.unit * 7) ImGui::NewLine();
  }
  ImGui::NewLine();
  problemLine(Field::BuyerType);

  ImGui::TextUnformatted(fieldLabel(Field::Products, m_language));
  for (const Product& product : m_catalog->products) {
    auto& ids = m_draft.productIds;
    const auto found = std::find(ids.begin(), ids.end(), product.id);
    bool ticked = found != ids.end();
    const std::string label = localized(product.name, m_language, m_catalog->defaultLanguage);
    ImGui::PushID(product.id.c_str());
    if (touchButton(context, ((ticked ? "[x] " : "[  ] ") + label).c_str(), ticked ? kAccent : kTile)) {
      if (ticked) {
        ids.erase(found);
      } else {
        ids.push_back(product.id);
      }
    }
    ImGui::PopID();
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < context.unit * 12) ImGui::NewLine();
  }
  ImGui::NewLine();

  ImGui::TextUnformatted(fieldLabel(Field::PreferredLanguage, m_language));
  std::vector<std::string> languages = m_catalog->languages;
  if (std::find(languages.begin(), languages.end(), "en") == languages.end()) languages.push_back("en");
  for (const std::string& code : languages) {
    ImGui::PushID(code.c_str());
    if (touchButton(context, languageName(code).c_str(), m_draft.preferredLanguage == code ? kAccent : kTile)) {
      m_draft.preferredLanguage = code;
    }
    ImGui::PopID();
    ImGui::SameLine();
  }
  ImGui::NewLine();
}

void ContactForm::drawConsent(const ScreenContext& context) {
  // The stand's consent text in the visitor's language when the pack has it, else the kiosk's own.
  const std::string consent = consentText();
  const std::string box = m_draft.consent ? "[x]" : "[  ]";
  const bool consentPressed = touchButton(context, box.c_str(), m_draft.consent ? kAccent : kTile, context.touchTarget);
  rememberLastItem("form.consent");
  if (consentPressed) {
    m_draft.consent = !m_draft.consent;
    m_problems.erase(Field::Consent);
  }
  ImGui::SameLine();
  ImGui::TextWrapped("%s", consent.c_str());
  problemLine(Field::Consent);
}

float ContactForm::footerHeight(const ScreenContext& context) const {
  // Exactly what drawConsent and the buttons below take, so that Send is never under the keyboard.
  const ImGuiStyle& style = ImGui::GetStyle();
  const float box = std::max(context.touchTarget, ImGui::CalcTextSize("[x]").x + style.FramePadding.x * 2);
  const float textWidth = ImGui::GetContentRegionAvail().x - box - style.ItemSpacing.x;
  const auto wrapped = [&](const char* text) {
    return ImGui::CalcTextSize(text, nullptr, false, textWidth).y + style.ItemSpacing.y;
  };
  float height = style.ItemSpacing.y;  // below the fields
  height += std::max(buttonHeight(context), ImGui::CalcTextSize(consentText().c_str(), nullptr, false, textWidth).y) +
            style.ItemSpacing.y;
  if (const auto it = m_problems.find(Field::Consent); it != m_problems.end()) {
    height += wrapped(problemText(it->second, m_language));
  }
  if (!m_problems.empty()) height += ImGui::GetTextLineHeightWithSpacing();
  return height + buttonHeight(context) + style.WindowPadding.y;
}

void ContactForm::drawEditing(const ScreenContext& context, Clock::time_point now, FormAction& action) {
  const HeaderAction header = drawHeader(context, formText(FormString::FormTitle, m_language), false);
  if (header.language) {
    m_language = *header.language;
    if (!m_draft.countryCode.empty()) m_countryQuery = countryName(m_draft.countryCode, m_language);
    updateCountryMatches();
  }
  const KeyboardStyle style = keyboardStyle(context);
  const float screenWidth = static_cast<float>(context.screenSize.x);
  const float keyboardHeight = !m_focused ? 0.0f : OnScreenKeyboard::height(m_keyboardModel, style, screenWidth);
  if (m_settings.badgeCamera && !scanned()) {
    action.scanBadge = touchButton(context, formText(FormString::ScanBadge, m_language), kAccent);
    rememberLastItem("form.scan");
  }
  if (scanned()) ImGui::TextColored(ImVec4(1.0f, 0.85f, 0.5f, 1.0f), "%s", formText(FormString::CheckScanned, m_language));
  if (m_cardRefused) ImGui::TextColored(ImVec4(1.0f, 0.55f, 0.45f, 1.0f), "%s", formText(FormString::CardProblem, m_language));

  // Measured after the lines above it: the fields take what the keyboard and the footer leave.
  const float bodyHeight =
      std::max(context.unit * 4, ImGui::GetContentRegionAvail().y - keyboardHeight - footerHeight(context));
  ImGui::BeginChild("fields", ImVec2(0, bodyHeight), false);
  dragToScroll();
  for (Field field : {Field::Name, Field::Company, Field::Country}) drawTextField(context, field);
  drawCountryChoices(context);
  for (Field field : {Field::Email, Field::Phone}) drawTextField(context, field);
  drawChoices(context);
  for (Field field : {Field::OrderVolume, Field::Message}) drawTextField(context, field);
  ImGui::EndChild();
  // Consent stays in view beside Send: nobody sends without seeing what they agree to.
  drawConsent(context);

  // Footer: cancel and send (or "saving" while the commit runs).
  if (!m_problems.empty()) ImGui::TextColored(ImVec4(1.0f, 0.55f, 0.45f, 1.0f), "%s", formText(FormString::FixMarked, m_language));
  if (m_stage == Stage::Saving) {
    ImGui::TextUnformatted(formText(FormString::Saving, m_language));
  } else {
    if (touchButton(context, formText(FormString::Cancel, m_language), kTile, context.unit * 6)) action.close = true;
    ImGui::SameLine(ImGui::GetWindowWidth() - context.unit * 10);
    const bool send = touchButton(context, formText(FormString::Send, m_language), kAccent, context.unit * 9);
    rememberLastItem("form.send");
    if (send) submit();
  }

  if (m_focused && m_stage == Stage::Editing) {
    switch (m_keyboard.drawDocked(m_keyboardModel, style, now)) {
      case KeyboardAction::TextChanged: syncFromKeyboard(); break;
      case KeyboardAction::NextField: focusNext(1); break;
      case KeyboardAction::Done:
      case KeyboardAction::Hide: focus(std::nullopt); break;
      default: break;
    }
  }
  if (action.close) clear();
}

void ContactForm::drawThanks(const ScreenContext& context, FormAction& action) {
  ImGui::PushFont(context.fonts->title);
  ImGui::TextUnformatted(formText(FormString::ThanksTitle, m_language));
  ImGui::PopFont();
  ImGui::Spacing();
  const bool withCode = m_thanksCode.qrCode() && m_thanksCode.link;
  ImGui::TextWrapped("%s", formText(withCode ? FormString::ThanksBody : FormString::ThanksBodyNoCode, m_language));
  ImGui::Spacing();
  if (withCode) {
    const float side = std::min(ImGui::GetContentRegionAvail().x, ImGui::GetContentRegionAvail().y - context.touchTarget * 2) * 0.6f;
    drawContactCard(context, *m_thanksCode.qrCode(), *m_thanksCode.link, std::max(side, context.unit * 6));
  }
  ImGui::Spacing();
  const bool done = touchButton(context, formText(FormString::Done, m_language), kAccent, context.unit * 8);
  rememberLastItem("thanks.done");
  if (done) {
    action.close = true;
    clear();
  }
}

void ContactForm::drawIdleWarning(const ScreenContext& context, Clock::time_point now) {
  // Over the form and its keyboard: nothing under it reacts while the question is up.
  drawDimBackdrop("still there backdrop", IM_COL32(0, 0, 0, 170), true);
  centreNextWindow(std::min(ImGui::GetMainViewport()->Size.x * 0.8f, context.unit * 24));
  ImGui::Begin("still there", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
  ImGui::PushFont(context.fonts->title);
  ImGui::TextWrapped("%s", formText(FormString::StillThere, m_language));
  rememberLastItem("still.there");
  ImGui::PopFont();
  const auto left = std::chrono::duration_cast<std::chrono::seconds>(*m_idleResetAt - now).count() + 1;
  char line[160];
  std::snprintf(line, sizeof line, formText(FormString::SecondsLeft, m_language), static_cast<int>(std::max<long>(0, left)));
  ImGui::TextWrapped("%s", line);
  if (touchButton(context, formText(FormString::Continue, m_language), kAccent, ImGui::GetContentRegionAvail().x)) {
    m_idleResetAt.reset();
    m_continued = true;
  }
  ImGui::End();
}

}  // namespace etalase::kiosk

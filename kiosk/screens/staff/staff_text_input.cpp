#include "kiosk/screens/staff/staff_text_input.h"

#include <imgui.h>

#include "kiosk/screens/widgets.h"

namespace etalase::kiosk {

bool StaffTextInput::field(const ScreenContext& context, const std::string& id, std::string& value, const char* hint,
                           float width, std::size_t maxLength, Layout layout) {
  const bool hasFocus = m_focus == id;
  bool changed = false;
  if (hasFocus) {
    m_target = &value;
    changed = std::exchange(m_changed, false);
  }
  const std::string shown = hasFocus ? m_model.text() + "|" : (value.empty() ? std::string(hint) : value);
  ImGui::PushID(id.c_str());
  ImGui::PushStyleColor(ImGuiCol_Button, hasFocus ? ImVec4(0.30f, 0.24f, 0.20f, 1.0f) : ImVec4(0.24f, 0.20f, 0.18f, 1.0f));
  ImGui::PushStyleColor(ImGuiCol_Text, value.empty() && !hasFocus ? ImVec4(0.7f, 0.62f, 0.55f, 1.0f) : ImVec4(1, 1, 1, 1));
  ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.0f, 0.5f));
  if (ImGui::Button(shown.c_str(), ImVec2(width, buttonHeight(context)))) {
    m_focus = id;
    m_target = &value;
    m_model.setLayout(layout);
    m_model.setMaxLength(maxLength);
    m_model.setEnterKey(EnterKey::Done);
    m_model.setText(value);
  }
  rememberLastItem(id);
  ImGui::PopStyleVar();
  ImGui::PopStyleColor(2);
  ImGui::PopID();
  return changed;
}

void StaffTextInput::drawKeyboard(const ScreenContext& context, Clock::time_point now) {
  if (m_focus.empty()) return;
  const KeyboardAction action = m_keyboard.drawDocked(m_model, keyboardStyle(context), now);
  if (action == KeyboardAction::TextChanged && m_target) {
    *m_target = m_model.text();
    m_changed = true;
  }
  if (action == KeyboardAction::Done || action == KeyboardAction::Hide || action == KeyboardAction::NextField) blur();
}

float StaffTextInput::keyboardHeight(const ScreenContext& context) const {
  if (m_focus.empty()) return 0.0f;
  return OnScreenKeyboard::height(m_model, keyboardStyle(context), static_cast<float>(context.screenSize.x));
}

void StaffTextInput::blur() {
  m_focus.clear();
  m_target = nullptr;
  m_model.clear();  // notes may name a person: wiped, not just dropped
  m_keyboard.reset();
}

void StaffTextInput::typeText(const std::string& text) {
  if (m_focus.empty() || !m_target) return;
  m_model.setText(m_model.text() + text);
  *m_target = m_model.text();
  m_changed = true;
}

void StaffTextInput::backspace() {
  if (m_focus.empty() || !m_target) return;
  m_model.press(keys::kBackspace);
  *m_target = m_model.text();
  m_changed = true;
}

}  // namespace etalase::kiosk

// Text fields on the staff screens (the search, a lead's notes, the settings), typed on the
// kiosk's own on-screen keyboard since a stand has no keyboard. One field has the keyboard at a
// time; a physical keyboard types into it too. UI thread only.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "kiosk/screens/keyboard/keyboard_model.h"
#include "kiosk/screens/keyboard/on_screen_keyboard.h"
#include "kiosk/screens/screen_context.h"

namespace etalase::kiosk {

class StaffTextInput {
 public:
  using Clock = std::chrono::steady_clock;

  // Call first in every frame: fields bind their values again as they are drawn.
  void beginFrame() { m_target = nullptr; }
  // A box showing `value` (or `hint` when empty); a tap gives it the keyboard. `id` names the
  // control for tests ("staff.search"). True when `value` changed this frame.
  bool field(const ScreenContext& context, const std::string& id, std::string& value, const char* hint,
             float width, std::size_t maxLength = 200, Layout layout = Layout::Letters);
  // The keyboard at the bottom while a field has it; call once a frame after the fields.
  void drawKeyboard(const ScreenContext& context, Clock::time_point now);
  // How much of the screen's bottom the keyboard covers now (0 when hidden).
  float keyboardHeight(const ScreenContext& context) const;
  bool focused() const { return !m_focus.empty(); }
  void blur();
  std::optional<Clock::time_point> nextWake() const { return m_keyboard.nextWake(); }
  // A physical keyboard: typed text, Backspace; Enter and Escape put the keyboard away.
  void typeText(const std::string& text);
  void backspace();

 private:
  std::string m_focus;
  std::string* m_target = nullptr;  // the focused field's value, bound again every frame
  bool m_changed = false;
  KeyboardModel m_model;
  OnScreenKeyboard m_keyboard;
};

}  // namespace etalase::kiosk

// The on-screen keyboard drawn with ImGui: the model's current page as a band of keys, each at
// least the touch target, and the finger on it (tap, slide, long press for accents). A key types
// when the finger lifts, so one touch is one key: no repeat, and a slide corrects a miss.
#pragma once

#include <imgui.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/screens/keyboard/keyboard_model.h"
#include "kiosk/screens/screen_context.h"

namespace etalase::kiosk {

struct KeyboardStyle {
  float unit = 24.0f;         // body text height, px
  float touchTarget = 34.0f;  // the smallest a key may be, px (9 mm)
  ImFont* font = nullptr;       // labels; null: the current font
  ImFont* smallFont = nullptr;  // labels too wide for their key (".com.my"); null: `font`
};

KeyboardStyle keyboardStyle(const ScreenContext& context);

class OnScreenKeyboard {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr std::chrono::milliseconds kLongPress{450};

  // Draws `model`'s page in a window of its own, over the form, at `origin`, `width` wide and
  // height() tall, and applies the finger's keys to the model. Call every frame it is shown.
  KeyboardAction draw(KeyboardModel& model, const KeyboardStyle& style, ImVec2 origin, float width,
                      Clock::time_point now = Clock::now());
  // The same, docked at the bottom of the main viewport, across its width.
  KeyboardAction drawDocked(KeyboardModel& model, const KeyboardStyle& style, Clock::time_point now = Clock::now());
  // How tall draw() is for the model's current page: the form keeps its field above this.
  static float height(const KeyboardModel& model, const KeyboardStyle& style, float width);
  // When a held key becomes a long press. The app draws only on input, so it must wake for this.
  std::optional<Clock::time_point> nextWake() const;
  // Forgets a finger that is down, e.g. when the form closes mid-press.
  void reset();

 private:
  struct Placed {  // a key where it is drawn this frame
    const Key* key;
    ImVec2 min, max;          // the visible key
    ImVec2 slotMin, slotMax;  // what a finger hits: the key and half the gaps around it
  };

  std::vector<Placed> place(const KeyboardModel& model, const KeyboardStyle& style, ImVec2 origin, float width) const;
  const Placed* keyAt(ImVec2 point) const;
  std::optional<std::size_t> choiceAt(ImVec2 point) const;
  void follow(KeyboardModel& model, ImVec2 point, Clock::time_point now);
  KeyboardAction lift(KeyboardModel& model, ImVec2 point, Clock::time_point now);
  void drawKeys(const KeyboardModel& model, const KeyboardStyle& style, ImDrawList* draw) const;
  void drawChoices(const KeyboardStyle& style, ImDrawList* draw) const;

  std::vector<Placed> m_placed;
  float m_slot = 0.0f;  // one key unit, px
  float m_keyHeight = 0.0f;
  float m_gap = 0.0f;
  ImVec2 m_boardMin, m_boardMax;
  std::string m_held;  // id of the key under the finger; empty when none
  Clock::time_point m_heldSince{};
  bool m_longPressAsked = false;     // the model was asked for this key's accents already
  std::vector<std::string> m_choices;  // the accent row shown above the held key
  ImVec2 m_choicesMin;               // its top-left corner
  std::optional<std::size_t> m_hoveredChoice;
};

}  // namespace etalase::kiosk

// The staff dialog over any screen when a USB stick with a content pack appears: PIN keypad,
// install progress, and the outcome (with the way back to the previous pack).
#pragma once

#include <chrono>
#include <optional>

#include "kiosk/packs/usb_install_flow.h"
#include "screen_context.h"

namespace etalase::kiosk {

struct InstallPromptAction {
  std::optional<char> digit;
  bool erase = false;
  bool submit = false;
  bool cancel = false;
  bool dismiss = false;
  bool rollback = false;
};

InstallPromptAction drawInstallPrompt(const ScreenContext& context, const UsbInstallFlow& flow);
// A physical keyboard on the PIN pad: digits, Backspace, Enter, Escape.
void applyPinKey(UsbInstallFlow& flow, SDL_Keycode key, std::chrono::steady_clock::time_point now);

}  // namespace etalase::kiosk

// The staff dialog over any screen when a USB stick with a content pack appears: PIN keypad,
// install progress, and the outcome (with the way back to the previous pack).
#pragma once

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

}  // namespace etalase::kiosk

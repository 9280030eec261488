// The staff dialog over the staff screens when a USB stick with a content pack is in: the offer,
// the install's progress, and the outcome (with the way back to the previous pack).
#pragma once

#include <chrono>
#include <optional>

#include "kiosk/packs/usb_install_flow.h"
#include "screen_context.h"

namespace etalase::kiosk {

struct InstallPromptAction {
  bool install = false;
  bool cancel = false;
  bool dismiss = false;
  bool rollback = false;
};

InstallPromptAction drawInstallPrompt(const ScreenContext& context, const UsbInstallFlow& flow);

}  // namespace etalase::kiosk

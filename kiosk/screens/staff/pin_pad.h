// The staff PIN pad, over whatever screen was showing when the corner was held: the dots typed
// so far, what went wrong (a wrong PIN, the wait before the next try), and a digit pad. Also asks
// for a new PIN, twice, on the first start or when staff change it. Staff-facing: English.
#pragma once

#include <SDL.h>

#include <chrono>
#include <optional>

#include "kiosk/screens/screen_context.h"
#include "kiosk/staff/staff_session.h"

namespace etalase::kiosk {

struct PinPadAction {
  std::optional<char> digit;
  bool erase = false;
  bool submit = false;
  bool cancel = false;
};

PinPadAction drawPinPad(const ScreenContext& context, const staff::StaffSession& session);
// Applies the pad's action to the session; returns the session's line for the log, if any.
std::optional<std::string> applyPinPad(staff::StaffSession& session, const PinPadAction& action,
                                       std::chrono::steady_clock::time_point now);
// Characters the staff screens draw beyond the Latin ones the fonts always have (the PIN's dots).
inline const char* staffUiGlyphs() { return "\xE2\x97\x8F\xC2\xB7\xE2\x80\xA6"; }
// A physical keyboard on the pad: digits, Backspace, Enter, Escape.
PinPadAction pinPadKey(SDL_Keycode key);

}  // namespace etalase::kiosk

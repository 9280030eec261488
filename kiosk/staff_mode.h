// Staff mode as the app sees it: the corner hold that opens it, the PIN pad, the staff screens,
// leaving by itself when staff stop touching it, and the hourly retention clean-up. It sees every
// pointer event before the visitor screens do, so the hold can swallow its own touch. App only
// routes to it (docs/staff-mode.md). UI thread only.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "kiosk/screens/staff/pin_pad.h"
#include "kiosk/screens/staff/staff_screen.h"
#include "kiosk/settings/kiosk_settings.h"
#include "kiosk/staff/corner_hold.h"
#include "kiosk/staff/staff_session.h"
#include "platform/pointer_input.h"

namespace etalase::kiosk {

struct StaffModeEvent {
  bool opened = false;  // the PIN was accepted: show the staff screens
  bool closed = false;  // staff left, or staff mode timed out: back to the visitors
  StaffAction action;   // what the staff screens asked for this frame
};

class StaffMode {
 public:
  using Clock = std::chrono::steady_clock;

  // `initialPin` (--staff-pin / ETALASE_STAFF_PIN) becomes the PIN when none is set yet; it is
  // never stored as it is, and ignored once a PIN exists.
  StaffMode(const std::filesystem::path& dataFolder, const std::string& initialPin, const KioskSettings& settings);

  // A pointer event, before anything else sees it. True when staff mode used it up.
  bool pointer(const platform::PointerEvent& event, SDL_Point screen, Clock::time_point now);
  // True when the corner was held long enough just now (the touch under it must be released
  // off-screen by the caller, so that nothing under the finger is pressed).
  bool holdCompleted(Clock::time_point now);
  // A physical key while the pad or the staff screens are up; true when used.
  bool key(SDL_Keycode key, Clock::time_point now, StaffModeEvent& event);
  bool text(const char* typed);
  // Draws the pad (over any screen) or the staff screens; call every frame while padShown() or
  // open().
  StaffModeEvent draw(const ScreenContext& context, const std::vector<platform::Volume>& volumes,
                      const std::string& packShown, const Catalog* catalog, Clock::time_point now);
  // Idle timeout, retention. Returns an event when staff mode closed by itself.
  StaffModeEvent update(Clock::time_point now);
  std::optional<Clock::time_point> nextWake(Clock::time_point now) const;

  bool padShown() const { return m_session && m_session->padShown(); }
  bool open() const { return m_session && m_session->open(); }
  bool animating() const { return m_screen.animating(); }
  void settingsChanged(const KioskSettings& settings);
  void leadsChanged() { m_screen.refresh(); }

 private:
  void applyRetention(std::chrono::system_clock::time_point now);
  StaffModeEvent afterPad(const PinPadAction& action, Clock::time_point now);

  std::filesystem::path m_dataFolder;
  std::unique_ptr<staff::StaffSession> m_session;  // null when the PIN file is damaged
  std::string m_unavailable;                       // why, for the log once per hold
  staff::CornerHold m_hold;
  bool m_swallowing = false;  // the rest of the touch that opened the pad
  StaffScreen m_screen;
  KioskSettings m_settings;
  std::string m_deviceId;
  std::chrono::system_clock::time_point m_nextRetention{};
};

}  // namespace etalase::kiosk

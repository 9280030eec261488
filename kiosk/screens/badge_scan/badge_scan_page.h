// The badge scan screen while it is open: owns the camera's reader and the texture of its live
// picture. A contact card read is handed to the app for the form; any other code is refused
// politely on the screen and scanning goes on. The camera is closed when the screen is. UI thread only.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "kiosk/scan/badge_reader.h"
#include "kiosk/screens/screen_context.h"
#include "kiosk/screens/widgets.h"
#include "platform/sdl_ptr.h"

namespace etalase::kiosk {

struct BadgeScanAction {
  HeaderAction header;
  bool typeInstead = false;  // back to the form, to type
};

class BadgeScanPage {
 public:
  using Clock = std::chrono::steady_clock;

  // Starts the camera (a device, or a video file standing in for one).
  void open(const std::string& camera);
  // Closes the camera and forgets its picture and anything it read.
  void close();
  bool isOpen() const { return m_reader != nullptr; }

  // Takes the camera's newest picture into the texture, and the code it read. True when the
  // screen has something new to show.
  bool step(SDL_Renderer* renderer, Clock::time_point now);
  // The raw text of a contact card read since the last call, for the form.
  std::optional<std::string> takeCard() { return std::exchange(m_card, std::nullopt); }
  BadgeScanAction draw(const ScreenContext& context, Clock::time_point now);
  // The camera sends pictures while the screen is open: the next is due soon.
  Clock::time_point nextDue(Clock::time_point now) const;

 private:
  std::unique_ptr<BadgeReader> m_reader;
  platform::TexturePtr m_picture;
  int m_pictureWidth = 0;
  int m_pictureHeight = 0;
  std::optional<std::string> m_card;
  std::optional<Clock::time_point> m_refusedAt;  // when a code that is not a contact card was read
};

}  // namespace etalase::kiosk

// Problems worth a person's eye (a file that will not play, a pack's warnings), over any screen
// for a while, newest last. UI thread only.
#pragma once

#include <chrono>
#include <deque>
#include <string>

#include "kiosk/screens/screen_context.h"

namespace etalase::kiosk {

class Notices {
 public:
  using Clock = std::chrono::steady_clock;

  void add(const std::string& text, Clock::time_point now);
  // Drops the notices that have been up long enough. True when one went.
  bool expire(Clock::time_point now);
  // When the next one goes; max() with none up.
  Clock::time_point nextExpiry() const;
  // At the top left, or at the right (`right`: where the screen leaves room for them).
  void draw(const ScreenContext& context, bool right) const;

 private:
  struct Notice {
    std::string text;
    Clock::time_point until;
  };
  std::deque<Notice> m_notices;
};

}  // namespace etalase::kiosk

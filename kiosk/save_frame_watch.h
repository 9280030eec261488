// Whether the screen kept moving while a lead was saved, for `etalase --stats`: the longest frame
// from the one that submitted the form to the first one drawn after the save had returned, and
// the longest wait between two frames while the save was in flight. No personal data. UI thread.
#pragma once

#include <algorithm>
#include <chrono>
#include <optional>

namespace etalase::kiosk {

class SaveFrameWatch {
 public:
  using Clock = std::chrono::steady_clock;

  // A frame was drawn from `started` to `presented`; whether a save was in flight before it was
  // drawn and after (the frame that submits starts one, the thank-you frame sees it end).
  void frame(Clock::time_point started, Clock::time_point presented, bool savingBefore, bool savingAfter) {
    if (!savingBefore && savingAfter) ++m_saves;
    if (savingBefore || savingAfter) m_longest = std::max(m_longest, presented - started);
    // While a save is in flight the form animates, so the time since the last frame counts too.
    if (savingBefore && m_lastPresented) m_longest = std::max(m_longest, presented - *m_lastPresented);
    m_lastPresented = presented;
  }

  int saves() const { return m_saves; }
  double longestFrameMs() const { return std::chrono::duration<double, std::milli>(m_longest).count(); }

 private:
  int m_saves = 0;
  Clock::duration m_longest{};
  std::optional<Clock::time_point> m_lastPresented;
};

}  // namespace etalase::kiosk

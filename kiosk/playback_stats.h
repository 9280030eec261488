// Figures about what reached the screen: frames, the freeze at each playlist cut, the longest
// hold inside a clip, time to the first frame. Printed by `etalase --stats` for the playback
// benchmark. Pure bookkeeping; UI thread only.
#pragma once

#include <array>
#include <chrono>
#include <string>
#include <vector>

namespace etalase::kiosk {

class PlaybackStats {
 public:
  using Clock = std::chrono::steady_clock;

  // A video frame was presented; clipNumber changes at each cut from one clip to the next.
  void framePresented(Clock::time_point when, int clipNumber);
  void setFirstFrameSeconds(double seconds) { m_firstFrameSeconds = seconds; }

  long frames() const { return m_frames; }
  // How long the last picture of a clip stayed up before the next clip's first, per cut (ms).
  const std::vector<double>& cutGapsMs() const { return m_cutGapsMs; }
  // The longest time one frame stayed up within a clip (ms).
  double maxHoldWithinClipMs() const { return m_maxHoldMs; }
  // The hold inside a clip that `fraction` of all such holds stay within (ms, to 0.5 ms): what
  // a cut's gap compares with, since every frame's time on screen varies a little.
  double holdWithinClipPercentileMs(double fraction) const;

  // One line of JSON with the figures above and the extra fields given; `moreFields` (already
  // JSON, e.g. `"a": 1`) goes in at the end.
  std::string json(int droppedFrames, int loops, int failedFiles, const std::string& renderer,
                   const std::string& moreFields = "") const;

 private:
  long m_frames = 0;
  int m_lastClip = -1;
  Clock::time_point m_lastPresented{};
  std::vector<double> m_cutGapsMs;
  double m_maxHoldMs = 0.0;
  static constexpr double kHoldBinMs = 0.5;
  std::array<long, 400> m_holdHistogram{};  // the last bin also counts everything longer
  long m_holds = 0;
  double m_firstFrameSeconds = 0.0;
};

}  // namespace etalase::kiosk

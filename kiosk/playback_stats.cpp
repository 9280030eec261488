// Playback statistics.
#include "playback_stats.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>

namespace etalase::kiosk {

void PlaybackStats::framePresented(Clock::time_point when, int clipNumber) {
  if (m_frames > 0) {
    const double heldMs = std::chrono::duration<double, std::milli>(when - m_lastPresented).count();
    if (clipNumber != m_lastClip) {
      m_cutGapsMs.push_back(heldMs);
    } else {
      m_maxHoldMs = std::max(m_maxHoldMs, heldMs);
      const auto bin = static_cast<std::size_t>(std::max(0.0, heldMs / kHoldBinMs));
      ++m_holdHistogram[std::min(bin, m_holdHistogram.size() - 1)];
      ++m_holds;
    }
  }
  ++m_frames;
  m_lastClip = clipNumber;
  m_lastPresented = when;
}

double PlaybackStats::holdWithinClipPercentileMs(double fraction) const {
  if (m_holds == 0) return 0.0;
  const auto wanted = static_cast<long>(std::ceil(fraction * static_cast<double>(m_holds)));
  long seen = 0;
  for (std::size_t bin = 0; bin < m_holdHistogram.size(); ++bin) {
    seen += m_holdHistogram[bin];
    if (seen >= wanted) return static_cast<double>(bin + 1) * kHoldBinMs;
  }
  return m_maxHoldMs;
}

std::string PlaybackStats::json(int droppedFrames, int loops, int failedFiles, const std::string& renderer,
                                const std::string& moreFields) const {
  const double maxCut = m_cutGapsMs.empty() ? 0.0 : *std::max_element(m_cutGapsMs.begin(), m_cutGapsMs.end());
  return fmt::format(
      "{{\"frames\": {}, \"dropped\": {}, \"first_frame_ms\": {:.1f}, \"cuts\": {}, \"max_cut_gap_ms\": {:.1f}, "
      "\"cut_gaps_ms\": [{:.1f}], \"max_hold_within_clip_ms\": {:.1f}, \"hold_p50_ms\": {:.1f}, "
      "\"hold_p99_ms\": {:.1f}, \"loops\": {}, \"failed_files\": {}, "
      "\"renderer\": \"{}\"{}{}}}",
      m_frames, droppedFrames, m_firstFrameSeconds * 1000.0, m_cutGapsMs.size(), maxCut,
      fmt::join(m_cutGapsMs, ", "), m_maxHoldMs, holdWithinClipPercentileMs(0.5), holdWithinClipPercentileMs(0.99),
      loops, failedFiles, renderer, moreFields.empty() ? "" : ", ", moreFields);
}

}  // namespace etalase::kiosk

#include "audio_join.h"

namespace etalase::media {

void AudioJoin::run(float* samples, int frames, const void* source) noexcept {
  if (frames <= 0) return;
  if (source != m_source) {
    m_source = source;
    // Measured against what is heard now, including any glide still under way.
    for (int c = 0; c < kOutputChannels; ++c) m_offset[c] = m_last[c] - samples[c];
    m_glideLeft = kGlideFrames;
  }
  for (int i = 0; i < frames && m_glideLeft > 0; ++i, --m_glideLeft) {
    const float weight = static_cast<float>(m_glideLeft) / kGlideFrames;
    for (int c = 0; c < kOutputChannels; ++c) samples[i * kOutputChannels + c] += m_offset[c] * weight;
  }
  for (int c = 0; c < kOutputChannels; ++c) m_last[c] = samples[(frames - 1) * kOutputChannels + c];
}

}  // namespace etalase::media

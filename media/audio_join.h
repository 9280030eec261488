// Removes clicks where the sound changes source: at a cut between clips, when a clip's sound
// starts or stops, on pause. Instead of a hard step, the first few milliseconds of the new
// source are offset so the waveform continues from the last sample heard and glides onto the
// new one. Unlike a fade, nothing goes quiet, and no look-ahead into the ending clip is needed.
// Audio thread only; no allocation.
#pragma once

#include <array>

#include "audio_sink.h"

namespace etalase::media {

class AudioJoin {
 public:
  // 5 ms: long enough that the glide is below a click's spectrum, short enough not to be heard.
  static constexpr int kGlideFrames = kOutputSampleRate / 200;

  // Call for each run of interleaved frames in the order they are played. `source` names where
  // they came from (nullptr for silence); a change of source marks a join.
  void run(float* samples, int frames, const void* source) noexcept;

 private:
  std::array<float, kOutputChannels> m_last{};    // the last sample played
  std::array<float, kOutputChannels> m_offset{};  // the step being glided over
  int m_glideLeft = 0;
  const void* m_source = nullptr;
};

}  // namespace etalase::media

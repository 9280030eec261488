// The seam between media (which produces PCM) and the platform's audio device (which plays it).
#pragma once

#include <chrono>

namespace etalase::media {

using SteadyTime = std::chrono::steady_clock::time_point;

// Everything media hands to a sink is interleaved 32-bit float at this rate and channel count;
// media resamples to it with swresample, so a sink never converts.
inline constexpr int kOutputSampleRate = 48000;
inline constexpr int kOutputChannels = 2;

// Implemented by media's playlist. fill() runs on the audio device's thread.
class AudioSource {
 public:
  virtual ~AudioSource() = default;
  // Writes exactly `frames` interleaved frames into `out` (silence where nothing is due).
  // `now` is when the device asked; the samples start playing about latency seconds later.
  // Must not block: it runs on the real-time audio thread.
  virtual void fill(float* out, int frames, SteadyTime now) noexcept = 0;
};

// Implemented by platform (SDL audio). All methods: UI thread.
class AudioSink {
 public:
  virtual ~AudioSink() = default;
  // Starts pulling from `source`; the source must outlive the sink or a later attach(nullptr).
  virtual void attach(AudioSource* source) = 0;
  // Seconds between fill() handing samples over and their being heard.
  virtual double latencySeconds() const = 0;
};

}  // namespace etalase::media

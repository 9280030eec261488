// media::AudioSink on an SDL audio device. UI thread creates and destroys it; SDL's audio thread
// calls the attached source.
#pragma once

#include <memory>
#include <mutex>

#include <SDL.h>

#include "media/audio_sink.h"
#include "media/error.h"

namespace etalase::platform {

class SdlAudioSink final : public media::AudioSink {
 public:
  // Fails when the machine has no sound device; the kiosk then plays silently.
  static Result<std::unique_ptr<SdlAudioSink>> open();

  class Key {
    friend class SdlAudioSink;
    Key() = default;
  };
  explicit SdlAudioSink(Key) {}
  ~SdlAudioSink() override;

  void attach(media::AudioSource* source) override;
  double latencySeconds() const override { return m_latencySeconds; }

 private:
  static void callback(void* self, Uint8* stream, int bytes);

  SDL_AudioDeviceID m_device = 0;
  double m_latencySeconds = 0.0;
  std::mutex m_sourceMutex;
  media::AudioSource* m_source = nullptr;
};

}  // namespace etalase::platform

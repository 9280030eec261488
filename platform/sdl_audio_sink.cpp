// SDL audio output.
#include "sdl_audio_sink.h"

#include <algorithm>
#include <cstring>

#include "media/log.h"

namespace etalase::platform {

namespace {
// 1024 frames at 48 kHz: 21 ms per callback. Small enough for A/V sync, large enough that a
// busy 2-core board does not underrun.
constexpr Uint16 kDeviceFrames = 1024;
}  // namespace

Result<std::unique_ptr<SdlAudioSink>> SdlAudioSink::open() {
  if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
    return Error{"audio", std::string("no sound device: ") + SDL_GetError()};
  }
  auto sink = std::make_unique<SdlAudioSink>(Key{});
  SDL_AudioSpec wanted{};
  wanted.freq = media::kOutputSampleRate;
  wanted.format = AUDIO_F32SYS;
  wanted.channels = media::kOutputChannels;
  wanted.samples = kDeviceFrames;
  wanted.callback = &SdlAudioSink::callback;
  wanted.userdata = sink.get();
  SDL_AudioSpec obtained{};
  // No changes allowed: SDL converts if the hardware differs, so media always hands out one format.
  sink->m_device = SDL_OpenAudioDevice(nullptr, 0, &wanted, &obtained, 0);
  if (sink->m_device == 0) {
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
    return Error{"audio", std::string("cannot open the sound device: ") + SDL_GetError()};
  }
  // The buffer being filled is heard after the one playing now.
  sink->m_latencySeconds = 2.0 * obtained.samples / media::kOutputSampleRate;
  log::info("audio: {} ({} Hz, {} frames a buffer)", SDL_GetCurrentAudioDriver(), obtained.freq,
            obtained.samples);
  SDL_PauseAudioDevice(sink->m_device, 0);
  return sink;
}

SdlAudioSink::~SdlAudioSink() {
  if (m_device != 0) SDL_CloseAudioDevice(m_device);
  SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

void SdlAudioSink::attach(media::AudioSource* source) {
  std::lock_guard lock(m_sourceMutex);
  m_source = source;
}

void SdlAudioSink::callback(void* self, Uint8* stream, int bytes) {
  auto* sink = static_cast<SdlAudioSink*>(self);
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(sink->m_sourceMutex);
  const int frames = bytes / static_cast<int>(sizeof(float) * media::kOutputChannels);
  if (sink->m_source) {
    sink->m_source->fill(reinterpret_cast<float*>(stream), frames, now);
  } else {
    std::memset(stream, 0, static_cast<std::size_t>(bytes));
  }
}

}  // namespace etalase::platform

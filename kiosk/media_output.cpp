// The renderer and the sound output the screens share.
#include "media_output.h"

#include <algorithm>

#include "media/log.h"
#include "platform/image_texture.h"

namespace etalase::kiosk {

MediaOutput::MediaOutput(const platform::Display& display, const KioskOptions& options)
    : m_display(display), m_options(options) {
  auto audio = platform::SdlAudioSink::open();
  if (audio) {
    m_audio = std::move(audio.value());
  } else {
    log::warn("{}; playing without sound", audio.error().text());
  }
}

MediaOutput::~MediaOutput() {
  if (m_audio) m_audio->attach(nullptr);  // before the playlist it pulls from goes
}

std::unique_ptr<media::Playlist> MediaOutput::startPlaylist(std::vector<std::string> videos) {
  media::ClipOptions clipOptions;
  clipOptions.decodeAudio = m_audio != nullptr && !m_options.mute;
  clipOptions.hardware = m_options.hardwareDecode;
  auto playlist = std::make_unique<media::Playlist>(std::move(videos), clipOptions);
  applySound(*playlist);
  if (m_audio) {
    playlist->setAudioLatency(m_audio->latencySeconds());
    m_audio->attach(playlist.get());
  }
  m_heard.push_back(playlist.get());
  return playlist;
}

void MediaOutput::setSound(bool on, int volumePercent) {
  m_soundOn = on;
  m_settingsVolume = static_cast<float>(std::clamp(volumePercent, 0, 100)) / 100.0f;
  for (media::Playlist* playlist : m_heard) applySound(*playlist);
}

void MediaOutput::applySound(media::Playlist& playlist) const {
  playlist.setVolume(static_cast<float>(m_options.volume) * m_settingsVolume);
  playlist.setMuted(m_options.mute || !m_soundOn);
}

void MediaOutput::release(const media::Playlist* playlist) {
  if (!playlist) return;
  std::erase(m_heard, playlist);
  if (m_audio) m_audio->attach(m_heard.empty() ? nullptr : m_heard.back());
}

platform::VideoTexture MediaOutput::videoTexture() const {
  return platform::VideoTexture(m_display.renderer(), m_display.softwareRendering());
}

platform::TexturePtr MediaOutput::texture(const Result<av::FramePtr>& picture) const {
  if (!picture) {
    log::warn("{}", picture.error().text());
    return nullptr;
  }
  return platform::textureFromRgba(m_display.renderer(), picture.value().get());
}

}  // namespace etalase::kiosk

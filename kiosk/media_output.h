// What the screens that show media share: the renderer their pictures go to, and the one sound
// output, heard from one playlist at a time (the attract loop's, or an open product's videos).
// UI thread only.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "kiosk/options.h"
#include "media/av_ptr.h"
#include "media/error.h"
#include "media/playlist.h"
#include "platform/display.h"
#include "platform/sdl_audio_sink.h"
#include "platform/sdl_ptr.h"
#include "platform/video_texture.h"

namespace etalase::kiosk {

class MediaOutput {
 public:
  // Opens the sound device; without one the kiosk plays silently. `display` must outlive this.
  MediaOutput(const platform::Display& display, const KioskOptions& options);
  ~MediaOutput();
  MediaOutput(const MediaOutput&) = delete;
  MediaOutput& operator=(const MediaOutput&) = delete;

  // A playlist set up from the options (sound, volume, decoding) and heard from now on.
  std::unique_ptr<media::Playlist> startPlaylist(std::vector<std::string> videos);
  // Call before `playlist` goes: the sound goes back to the playlist heard before it started.
  void release(const media::Playlist* playlist);
  // The stand's sound setting, on top of --mute and --volume: applies at once to every playlist.
  void setSound(bool on, int volumePercent);

  // A video picture for this display.
  platform::VideoTexture videoTexture() const;
  // The picture as a texture; null (and a line in the log) when it could not be loaded.
  platform::TexturePtr texture(const Result<av::FramePtr>& picture) const;

 private:
  const platform::Display& m_display;
  const KioskOptions& m_options;
  std::unique_ptr<platform::SdlAudioSink> m_audio;
  // The playlists started, the one heard last; each is heard again when the one after it goes.
  std::vector<media::Playlist*> m_heard;
  bool m_soundOn = true;
  float m_settingsVolume = 1.0f;
  void applySound(media::Playlist& playlist) const;
};

}  // namespace etalase::kiosk

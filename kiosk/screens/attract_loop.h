// The attract loop: the pack's videos full screen, one after another (dissolving at cuts with
// --crossfade), under the invitation to touch; a title card when there is nothing to play.
// Owns the playlist and the video pictures. UI thread only.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/media_output.h"
#include "kiosk/playback_stats.h"
#include "kiosk/screens/screen_context.h"
#include "media/playlist.h"
#include "platform/display.h"
#include "platform/video_texture.h"

namespace etalase::kiosk {

class AttractLoop {
 public:
  using Clock = std::chrono::steady_clock;

  // `output` and `display` must outlive the loop.
  AttractLoop(MediaOutput& output, const platform::Display& display, double crossfadeSeconds);

  // Plays `videos` from now on, heard (empty: the title card).
  void start(std::vector<std::string> videos);
  // Frees the playlist and every picture of it (before the pack changes).
  void stop();
  // While another screen is up, the loop holds still and is not heard.
  void setPaused(bool paused, Clock::time_point now);

  // Takes the frame due by `now`. True when there is a new picture to present.
  bool step(Clock::time_point now);
  // When step() has a frame to take next; max() without a playlist.
  Clock::time_point nextDue() const;
  // The video fills the whole screen: clearing it before draw() would be wasted work.
  bool coversScreen(Clock::time_point now) const;
  // The video with the invitation over it, else a title card (`noPack`: no pack could be
  // loaded). True while a dissolve still needs more frames drawn.
  bool draw(const ScreenContext& context, Clock::time_point now, bool noPack);
  // After each present: counts the frame step() put up, if it did.
  void presented(Clock::time_point now);
  // After the present, before the sleep: converts the next frame ahead of its time.
  void prepareUpcomingFrame();

  media::Playlist* playlist() { return m_playlist.get(); }
  const media::Playlist* playlist() const { return m_playlist.get(); }
  // How many video frames have been put on screen so far.
  long framesShown() const { return m_framesShown; }
  // Playback figures as one JSON line (etalase --stats).
  std::string statsJson(int failedFiles, const std::string& rendererName, const std::string& moreFields) const;

 private:
  bool videoOnScreen() const;
  bool showFrame(const media::Playlist::Tick& tick);
  void startDissolve(Clock::time_point now);
  float dissolveOpacity(Clock::time_point now) const;

  MediaOutput& m_output;
  const platform::Display& m_display;
  double m_crossfadeSeconds;
  std::unique_ptr<media::Playlist> m_playlist;
  platform::VideoTexture m_video;
  // With --crossfade: the last frame of the clip before a cut, dissolving into m_video.
  platform::VideoTexture m_outgoing;
  // The next frame, converted while it waits (after the present, before the sleep), so showing
  // it when due is a swap: the conversion's few ms, which for a new clip's first frame (cold in
  // memory) were up to 8 ms, no longer delay the picture.
  platform::VideoTexture m_upcoming;
  struct PreparedFrame {
    const AVFrame* frame = nullptr;
    int64_t pts = 0;  // with the clip number, tells a frame from a later one at a freed one's address
    int clipNumber = 0;
    SDL_Point size{0, 0};  // of the output it was placed for
    bool matches(const AVFrame* other, int otherClip, SDL_Point outputSize) const {
      return frame && other == frame && otherClip == clipNumber && other->best_effort_timestamp == pts &&
             outputSize.x == size.x && outputSize.y == size.y;
    }
  } m_prepared;
  Clock::time_point m_dissolveEnd{};
  Clock::time_point m_nextDue{};
  int m_shownClipNumber = 0;
  bool m_framePending = false;  // uploaded, shown at the next present
  int m_pendingClipNumber = 0;
  long m_framesShown = 0;
  PlaybackStats m_stats;
};

}  // namespace etalase::kiosk

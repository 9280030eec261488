// A looping playlist of clips. The next playable item is opened and pre-rolled on a loader
// thread while the current one plays, so the cut from one clip to the next shows no black frame.
// Files that cannot play are reported once and skipped.
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "audio_join.h"
#include "audio_sink.h"
#include "clip_player.h"
#include "error.h"

namespace etalase::media {

class Playlist final : public AudioSource {
 public:
  enum class State {
    Loading,    // nothing shown yet
    Playing,    // a clip is on screen
    AllFailed,  // no item can play: the caller shows a still picture instead
  };

  Playlist(std::vector<std::string> items, ClipOptions options);
  ~Playlist() override;
  Playlist(const Playlist&) = delete;
  Playlist& operator=(const Playlist&) = delete;

  // --- UI thread ---
  struct Tick {
    const AVFrame* newFrame = nullptr;  // show this now; valid until the next tick()
    VideoGeometry geometry;             // of the clip on screen
    SteadyTime nextDue;                 // call tick() again by then
    int clipNumber = 0;                 // counts clips started; a new number marks a cut
  };
  Tick tick(SteadyTime now);
  // The frame the next tick() will most likely show (the current clip's next, or after its last
  // the next clip's first), so the caller can convert it while it waits and have the work done
  // when the frame is due, at cuts too. Its clipNumber is the one that tick will carry.
  // Valid until the next tick(); compare pointer and clipNumber with what tick() then returns.
  struct Upcoming {
    const AVFrame* frame = nullptr;
    VideoGeometry geometry;
    int clipNumber = 0;
  };
  Upcoming upcoming() const;
  // The caller has copied the last frame tick() gave out (to a texture): a clip's last picture
  // is then freed at once with its decoder's memory, so that the cut to the next clip does not
  // free it (a few ms of unmapping) while the next clip's first picture goes on screen.
  void frameCopied();
  void setPaused(bool paused, SteadyTime now);
  bool paused() const { return m_paused; }
  // Jumps within the clip on screen (seconds of its media time).
  Result<bool> seek(double seconds);
  State state() const;
  // Failures since the last call, for showing to a person.
  std::vector<Error> takeErrors();
  // How many times the playlist has wrapped from its last playable item to its first.
  int loopsCompleted() const { return m_loopsCompleted; }
  int droppedFrames() const;
  const std::string& currentPath() const;

  void setAudioLatency(double seconds) { m_audioLatency = seconds; }
  void setVolume(float volume) { m_volume = volume; }  // 0..1
  void setMuted(bool muted) { m_muted = muted; }

  // --- audio thread ---
  void fill(float* out, int frames, SteadyTime now) noexcept override;

 private:
  struct Loaded {
    std::size_t index = 0;
    std::unique_ptr<ClipPlayer> clip;
  };

  void loaderLoop();
  void requestNextAfter(std::size_t index);
  bool promoteNext(SteadyTime now);
  void retire(std::unique_ptr<ClipPlayer> clip);
  void report(Error error);
  void offerNextAudio();
  void withdrawNextAudio();

  const std::vector<std::string> m_items;
  const ClipOptions m_options;

  // Shared with the loader thread.
  mutable std::mutex m_mutex;
  std::condition_variable m_wake;
  bool m_quit = false;
  bool m_loadRequested = false;
  std::size_t m_loadAfter = 0;
  bool m_firstLoad = true;
  std::unique_ptr<Loaded> m_next;
  std::vector<bool> m_bad;  // items that failed: skipped from then on
  bool m_allFailed = false;
  std::vector<Error> m_errors;
  struct Retired {
    std::unique_ptr<ClipPlayer> clip;
    SteadyTime at;
  };
  std::deque<Retired> m_retired;  // closed on the loader thread, off the UI, a little after the cut

  // Guards m_current and m_audioNext against the audio thread.
  std::mutex m_audioMutex;
  std::unique_ptr<ClipPlayer> m_current;
  // The pre-rolled next clip, whose sound starts as soon as the current clip's sound ends, so
  // that the cut is seamless for the ear too and the next clip's clock is already running.
  ClipPlayer* m_audioNext = nullptr;
  std::size_t m_currentIndex = 0;

  AudioJoin m_join;  // audio thread only

  std::atomic<bool> m_soundlessEnding{false};  // the current clip has no sound and ends within the latency
  std::atomic<bool> m_paused{false};
  std::atomic<double> m_audioLatency{0.0};
  std::atomic<float> m_volume{1.0f};
  std::atomic<bool> m_muted{false};
  int m_loopsCompleted = 0;
  int m_clipsStarted = 0;
  bool m_nextRequested = false;  // UI thread: the loader was asked for the clip after this one
  int m_droppedBefore = 0;  // by clips already retired

  std::thread m_loader;
};

}  // namespace etalase::media

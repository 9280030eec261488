// Drives a ClipPlayer on a virtual clock, as the kiosk's loop and an audio device would, but
// waiting in real time for the decoder at each step so results never depend on machine speed.
#pragma once

#include <chrono>
#include <functional>
#include <thread>
#include <vector>

#include "media/clip_player.h"

namespace etalase::test {

inline media::SteadyTime::duration seconds(double s) {
  return std::chrono::duration_cast<media::SteadyTime::duration>(std::chrono::duration<double>(s));
}

// Waits until the decoder has a frame ready or has finished. False after 5 s.
inline bool waitForDecoder(const media::ClipPlayer& clip) {
  using namespace std::chrono_literals;
  const auto deadline = std::chrono::steady_clock::now() + 5s;
  while (!clip.hasQueuedFrame() && !clip.decodingDone()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(1ms);
  }
  return true;
}

// Reads exactly `frames` of sound (fewer only at the clip's end), waiting for the decoder.
inline int readAudioFully(media::ClipPlayer& clip, float* out, int frames, media::SteadyTime heardAt,
                          bool endAtPicture = false) {
  using namespace std::chrono_literals;
  int got = 0;
  const auto deadline = std::chrono::steady_clock::now() + 5s;
  while (got < frames && std::chrono::steady_clock::now() < deadline) {
    got += clip.readAudio(out + static_cast<std::size_t>(got) * media::kOutputChannels, frames - got,
                          heardAt + seconds(static_cast<double>(got) / media::kOutputSampleRate), endAtPicture);
    if (got < frames) {
      if (clip.audioFinished()) break;
      std::this_thread::sleep_for(1ms);
    }
  }
  return got;
}

// Presentation time in seconds of a frame the clip handed out.
inline double framePts(const media::ClipPlayer& clip, const AVFrame* frame) {
  return frame->best_effort_timestamp * av_q2d(clip.info().videoTimeBase);
}

// Picks frames at t0, t0 + step, t0 + 2 step... (waiting for the decoder before each pick)
// until the clip finishes or maxSeconds of media time pass. Calls onFrame(secondsSinceT0, frame)
// for each new picture. Returns whether the clip finished.
template <typename OnFrame>
bool playToEnd(media::ClipPlayer& clip, media::SteadyTime t0, double step, double maxSeconds, OnFrame onFrame) {
  for (int i = 0; i * step <= maxSeconds; ++i) {
    if (!waitForDecoder(clip)) return false;
    const double now = i * step;
    auto pick = clip.pick(t0 + seconds(now));
    if (pick.newFrame) onFrame(now, pick.newFrame);
    if (pick.finished) return true;
  }
  return false;
}

// What playing a clip from its start showed: when (seconds after the start) and which picture
// (its timestamp as the file stamps it).
struct Played {
  std::vector<double> shownAt;
  std::vector<double> pts;
  bool finished = false;
};

// Waits for the first picture, starts the clip at time zero and plays it in `step`s until it
// finishes or `maxSeconds` pass. `afterEach` runs after each new picture.
inline Played playFromStart(media::ClipPlayer& clip, double step, double maxSeconds,
                            const std::function<void()>& afterEach = {}) {
  Played played;
  if (!waitForDecoder(clip)) return played;
  const media::SteadyTime t0{};
  clip.start(t0);
  played.finished = playToEnd(clip, t0, step, maxSeconds, [&](double now, const AVFrame* frame) {
    played.shownAt.push_back(now);
    played.pts.push_back(framePts(clip, frame));
    if (afterEach) afterEach();
  });
  return played;
}

}  // namespace etalase::test

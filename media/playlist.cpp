// Playlist: pre-rolling loader, gapless cuts, and audio hand-over between clips.
#include "playlist.h"

#include <algorithm>

#include "log.h"

namespace etalase::media {

namespace {
constexpr auto kWaitingPoll = std::chrono::milliseconds(5);
// The next clip is opened and pre-rolled as soon as the current clip's video decoder has drained
// and been freed (its last frames still queued, ~130 ms before the end): two decoders at once
// would double the frame memory (~60 MB at 1080p). Opening and decoding a first frame takes
// ~30-50 ms here. A decoder that runs late still gets this much warning:
constexpr double kPrerollLeadSeconds = 0.12;
// A clip that ended is closed this long after the cut: freeing its memory right away unmaps
// pages while the next clip's first pictures are being drawn, and delayed them by 2-4 ms.
constexpr auto kRetireDelay = std::chrono::milliseconds(45);
}

Playlist::Playlist(std::vector<std::string> items, ClipOptions options)
    : m_items(std::move(items)), m_options(options), m_bad(m_items.size(), false) {
  if (m_items.empty()) {
    m_allFailed = true;
    m_errors.push_back({"playlist", "no videos to play"});
  } else {
    m_loadRequested = true;
  }
  m_loader = std::thread([this] { loaderLoop(); });
}

Playlist::~Playlist() {
  withdrawNextAudio();
  {
    std::lock_guard lock(m_mutex);
    m_quit = true;
  }
  m_wake.notify_all();
  m_loader.join();
  std::lock_guard lock(m_audioMutex);
  m_current.reset();
}

void Playlist::report(Error error) {
  log::error("cannot play {}", error.text());
  std::lock_guard lock(m_mutex);
  m_errors.push_back(std::move(error));
}

void Playlist::loaderLoop() {
  std::unique_lock lock(m_mutex);
  while (true) {
    const auto retiredDue = [&] {
      return m_retired.empty() ? SteadyTime::max() : m_retired.front().at + kRetireDelay;
    };
    m_wake.wait_until(lock, retiredDue(), [&] {
      return m_quit || m_loadRequested || retiredDue() <= std::chrono::steady_clock::now();
    });
    if (m_quit) break;
    while (retiredDue() <= std::chrono::steady_clock::now()) {
      auto clip = std::move(m_retired.front().clip);
      m_retired.pop_front();
      lock.unlock();
      clip.reset();
      lock.lock();
    }
    if (!m_loadRequested) continue;
    m_loadRequested = false;
    // Try each item once, starting after the requested one, until one opens.
    std::size_t index = m_firstLoad ? m_items.size() - 1 : m_loadAfter;
    m_firstLoad = false;
    bool loaded = false;
    for (std::size_t tries = 0; tries < m_items.size() && !m_quit; ++tries) {
      index = (index + 1) % m_items.size();
      if (m_bad[index]) continue;
      const std::string path = m_items[index];
      lock.unlock();
      auto clip = ClipPlayer::open(path, m_options);
      lock.lock();
      if (clip) {
        m_next = std::make_unique<Loaded>(Loaded{index, std::move(clip.value())});
        loaded = true;
        break;
      }
      m_bad[index] = true;
      lock.unlock();
      report(clip.error());
      lock.lock();
    }
    if (!loaded && !m_quit) {
      // Nothing new could be opened; the clip on screen (if any) may still loop by itself.
      m_allFailed = std::all_of(m_bad.begin(), m_bad.end(), [](bool b) { return b; });
    }
  }
  m_retired.clear();
  m_next.reset();
}

void Playlist::requestNextAfter(std::size_t index) {
  {
    std::lock_guard lock(m_mutex);
    m_loadRequested = true;
    m_loadAfter = index;
  }
  m_wake.notify_all();
}

void Playlist::retire(std::unique_ptr<ClipPlayer> clip) {
  if (!clip) return;
  {
    std::lock_guard lock(m_mutex);
    m_retired.push_back({std::move(clip), std::chrono::steady_clock::now()});
  }
  m_wake.notify_all();
}

bool Playlist::promoteNext(SteadyTime now) {
  std::unique_ptr<Loaded> next;
  {
    std::lock_guard lock(m_mutex);
    if (!m_next || !m_next->clip->ready()) return false;
    next = std::move(m_next);
  }
  if (auto failure = next->clip->failure()) {
    // Opened, but nothing in it can be shown: skip it for good.
    withdrawNextAudio();
    {
      std::lock_guard lock(m_mutex);
      m_bad[next->index] = true;
    }
    report(*failure);
    retire(std::move(next->clip));
    requestNextAfter(next->index);
    return false;
  }
  const bool wrapped = m_current && next->index <= m_currentIndex;
  next->clip->start(now);
  if (m_paused) next->clip->setPaused(true, now);
  std::unique_ptr<ClipPlayer> old;
  {
    std::lock_guard lock(m_audioMutex);
    old = std::move(m_current);
    m_current = std::move(next->clip);
    m_currentIndex = next->index;
    m_audioNext = nullptr;
    m_soundlessEnding = false;
  }
  if (old) m_droppedBefore += old->droppedFrames();
  retire(std::move(old));
  if (wrapped) ++m_loopsCompleted;
  ++m_clipsStarted;
  m_nextRequested = false;
  log::info("playing {} ({})", m_current->path(), m_current->decoderDescription());
  return true;
}

void Playlist::offerNextAudio() {
  std::lock_guard lock(m_mutex);
  if (!m_next || !m_next->clip->ready() || m_next->clip->failure()) return;
  std::lock_guard audioLock(m_audioMutex);
  m_audioNext = m_next->clip.get();
}

void Playlist::withdrawNextAudio() {
  std::lock_guard lock(m_audioMutex);
  m_audioNext = nullptr;
}

Playlist::Tick Playlist::tick(SteadyTime now) {
  Tick tick;
  tick.nextDue = now + kWaitingPoll;
  if (!m_current && !promoteNext(now)) {
    if (state() == State::AllFailed) tick.nextDue = SteadyTime::max();
    return tick;
  }
  auto pick = m_current->pick(now);
  if (pick.finished && promoteNext(now)) pick = m_current->pick(now);
  if (!m_nextRequested) {
    const double duration = m_current->info().durationSeconds;
    if (duration <= 0.0 || m_current->videoDecoderFreed() ||
        duration - m_current->position(now) < kPrerollLeadSeconds) {
      m_nextRequested = true;
      requestNextAfter(m_currentIndex);
    }
  }
  if (!m_audioNext) offerNextAudio();
  // A clip without sound sets no audio pace: the next clip's sound starts when this picture ends.
  m_soundlessEnding = !m_current->hasAudio() &&
                      m_current->pictureEnd() - m_current->position(now) <= m_audioLatency.load();
  // A finished clip without a successor yet keeps its last frame on screen (never black).
  tick.newFrame = pick.newFrame;
  tick.geometry = m_current->info().geometry;
  tick.clipNumber = m_clipsStarted;
  tick.nextDue = pick.finished ? now + kWaitingPoll : pick.nextDue;
  if (m_paused) tick.nextDue = SteadyTime::max();
  return tick;
}

Playlist::Upcoming Playlist::upcoming() const {
  if (!m_current || m_paused) return {};
  if (const AVFrame* frame = m_current->peekNextFrame()) return {frame, m_current->info().geometry, m_clipsStarted};
  if (!m_current->decodingDone()) return {};
  std::lock_guard lock(m_mutex);
  if (!m_next || !m_next->clip->ready() || m_next->clip->failure()) return {};
  const AVFrame* frame = m_next->clip->peekNextFrame();
  return frame ? Upcoming{frame, m_next->clip->info().geometry, m_clipsStarted + 1} : Upcoming{};
}

void Playlist::frameCopied() {
  if (m_current) m_current->releaseLastPicture();
}

void Playlist::setPaused(bool paused, SteadyTime now) {
  m_paused = paused;
  if (m_current) m_current->setPaused(paused, now);
}

Result<bool> Playlist::seek(double seconds) {
  if (!m_current) return Error{"playlist", "nothing is playing"};
  // The audio thread must not read from the clip while its threads restart.
  std::lock_guard lock(m_audioMutex);
  return m_current->seek(seconds);
}

Playlist::State Playlist::state() const {
  if (m_current) return State::Playing;
  std::lock_guard lock(m_mutex);
  return m_allFailed ? State::AllFailed : State::Loading;
}

std::vector<Error> Playlist::takeErrors() {
  std::lock_guard lock(m_mutex);
  return std::exchange(m_errors, {});
}

int Playlist::droppedFrames() const {
  return m_droppedBefore + (m_current ? m_current->droppedFrames() : 0);
}

const std::string& Playlist::currentPath() const {
  static const std::string kNone;
  return m_current ? m_current->path() : kNone;
}

void Playlist::fill(float* out, int frames, SteadyTime now) noexcept {
  // Up to three runs: the current clip's sound, the next clip's (after a cut), then silence.
  int currentFrames = 0;
  int written = 0;
  const void* currentSource = nullptr;
  const void* nextSource = nullptr;
  {
    std::lock_guard lock(m_audioMutex);
    if (m_current && !m_paused) {
      const auto heardAt = now + std::chrono::duration_cast<SteadyTime::duration>(
                                     std::chrono::duration<double>(m_audioLatency.load()));
      currentSource = m_current.get();
      // With the next clip waiting, sound running past the last picture would only hold the cut.
      currentFrames = written = m_current->readAudio(out, frames, heardAt, m_audioNext != nullptr);
      if (written < frames && m_audioNext && m_current->audioFinished() &&
          (m_current->hasAudio() || m_soundlessEnding)) {
        // The next clip's sound follows on sample-exactly; its first sample is heard right
        // after the current clip's last.
        const auto offset = std::chrono::duration_cast<SteadyTime::duration>(
            std::chrono::duration<double>(static_cast<double>(written) / kOutputSampleRate));
        nextSource = m_audioNext;
        written += m_audioNext->readAudio(out + static_cast<std::size_t>(written) * kOutputChannels,
                                          frames - written, heardAt + offset);
      }
    }
  }
  std::fill(out + static_cast<std::size_t>(written) * kOutputChannels,
            out + static_cast<std::size_t>(frames) * kOutputChannels, 0.0f);
  m_join.run(out, currentFrames, currentSource);
  m_join.run(out + static_cast<std::size_t>(currentFrames) * kOutputChannels, written - currentFrames, nextSource);
  m_join.run(out + static_cast<std::size_t>(written) * kOutputChannels, frames - written, nullptr);
  const float gain = m_muted ? 0.0f : std::clamp(m_volume.load(), 0.0f, 1.0f);
  if (gain != 1.0f) {
    for (int i = 0; i < frames * kOutputChannels; ++i) out[i] *= gain;
  }
}

}  // namespace etalase::media

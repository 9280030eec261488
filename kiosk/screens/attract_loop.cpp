// The attract loop's videos.
#include "attract_loop.h"

#include <utility>

#include "kiosk/screens/attract_screen.h"
#include "kiosk/screens/ui_text.h"
#include "media/log.h"

namespace etalase::kiosk {

AttractLoop::AttractLoop(MediaOutput& output, const platform::Display& display, double crossfadeSeconds)
    : m_output(output),
      m_display(display),
      m_crossfadeSeconds(crossfadeSeconds),
      m_video(output.videoTexture()),
      m_outgoing(output.videoTexture()),
      m_upcoming(output.videoTexture()) {}

void AttractLoop::start(std::vector<std::string> videos) { m_playlist = m_output.startPlaylist(std::move(videos)); }

void AttractLoop::stop() {
  m_output.release(m_playlist.get());  // before the playlist it pulls from goes
  m_playlist.reset();
  m_video.clear();
  m_outgoing.clear();
  m_upcoming.clear();
  m_prepared = {};
}

void AttractLoop::setPaused(bool paused, Clock::time_point now) { m_playlist->setPaused(paused, now); }

bool AttractLoop::step(Clock::time_point now) {
  const auto tick = m_playlist->tick(now);
  m_nextDue = tick.nextDue;
  if (!tick.newFrame) return false;
  if (tick.clipNumber != m_shownClipNumber) startDissolve(now);
  m_shownClipNumber = tick.clipNumber;
  if (showFrame(tick)) {
    m_framePending = true;
    m_pendingClipNumber = tick.clipNumber;
  }
  return true;
}

AttractLoop::Clock::time_point AttractLoop::nextDue() const { return m_playlist ? m_nextDue : Clock::time_point::max(); }

bool AttractLoop::showFrame(const media::Playlist::Tick& tick) {
  const SDL_Point size = m_display.outputSize();
  const bool prepared = m_prepared.matches(tick.newFrame, tick.clipNumber, size);
  m_prepared = {};
  if (prepared) {
    std::swap(m_video, m_upcoming);
    return true;
  }
  return m_video.update(tick.newFrame, tick.geometry, SDL_Rect{0, 0, size.x, size.y});
}

void AttractLoop::prepareUpcomingFrame() {
  if (!m_playlist) return;
  m_playlist->frameCopied();  // after the present: freeing a clip's last picture waits for no one
  const media::Playlist::Upcoming next = m_playlist->upcoming();
  const SDL_Point size = m_display.outputSize();
  if (!next.frame || m_prepared.matches(next.frame, next.clipNumber, size)) return;
  m_prepared = {};
  if (m_upcoming.update(next.frame, next.geometry, SDL_Rect{0, 0, size.x, size.y})) {
    m_prepared = {next.frame, next.frame->best_effort_timestamp, next.clipNumber, size};
  }
}

void AttractLoop::startDissolve(Clock::time_point now) {
  if (m_crossfadeSeconds <= 0.0 || !m_video.hasFrame()) return;
  // The clip that ends keeps its last frame in m_outgoing; the new one draws over it, fading in.
  std::swap(m_video, m_outgoing);
  m_dissolveEnd =
      now + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(m_crossfadeSeconds));
}

float AttractLoop::dissolveOpacity(Clock::time_point now) const {
  if (now >= m_dissolveEnd || !m_outgoing.hasFrame()) return 1.0f;
  const double left = std::chrono::duration<double>(m_dissolveEnd - now).count();
  return static_cast<float>(1.0 - left / m_crossfadeSeconds);
}

bool AttractLoop::videoOnScreen() const {
  return m_playlist->state() == media::Playlist::State::Playing && m_video.hasFrame();
}

bool AttractLoop::coversScreen(Clock::time_point now) const {
  const SDL_Point output = m_display.outputSize();
  return videoOnScreen() && m_video.covers(output) && (dissolveOpacity(now) >= 1.0f || m_outgoing.covers(output));
}

bool AttractLoop::draw(const ScreenContext& context, Clock::time_point now, bool noPack) {
  if (!videoOnScreen()) {
    if (noPack) {
      drawNoPackCard(context);
      return false;
    }
    const Catalog* catalog = context.catalog;
    drawTitleCard(context,
                  catalog ? localized(catalog->title, context.language, catalog->defaultLanguage) : "Etalase",
                  uiText(UiString::NoVideos, context.language));
    if (catalog) drawAttractOverlay(context);
    return false;
  }
  const float opacity = dissolveOpacity(now);
  if (opacity < 1.0f) m_outgoing.draw();
  m_video.draw(opacity);
  SDL_Renderer* renderer = m_display.renderer();
  const SDL_Rect band = attractBand(context);
  SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_BLEND);
  SDL_SetRenderDrawColor(renderer, 0, 0, 0, 150);
  SDL_RenderFillRect(renderer, &band);
  drawAttractOverlay(context);
  return opacity < 1.0f;  // keep dissolving even between video frames
}

void AttractLoop::presented(Clock::time_point now) {
  if (!m_framePending) return;
  m_framePending = false;
  if (++m_framesShown == 1) {
    const double seconds = log::secondsSinceStart();
    m_stats.setFirstFrameSeconds(seconds);
    log::info("first video frame {:.0f} ms after launch", seconds * 1000.0);
  }
  m_stats.framePresented(now, m_pendingClipNumber);
}

std::string AttractLoop::statsJson(int failedFiles, const std::string& rendererName,
                                   const std::string& moreFields) const {
  return m_stats.json(m_playlist->droppedFrames(), m_playlist->loopsCompleted(), failedFiles, rendererName,
                      moreFields);
}

}  // namespace etalase::kiosk

// Kiosk application loop.
#include "app.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "kiosk/screens/attract_screen.h"
#include "kiosk/ui_text.h"
#include "media/log.h"
#include "media/poster_cache.h"
#include "media/still_image.h"
#include "platform/image_texture.h"
#include "platform/paths.h"
#include "platform/pointer_input.h"

#ifndef ETALASE_DEMO_PACK_DIR
#define ETALASE_DEMO_PACK_DIR ""
#endif

namespace etalase::kiosk {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// Long enough to read, short enough not to stay on a visitor's screen all day.
constexpr auto kNoticeDuration = std::chrono::seconds(20);
constexpr std::size_t kMaxNotices = 4;
// With nothing due, the loop still wakes this often (cheap, and keeps notices expiring).
constexpr auto kIdleWake = std::chrono::seconds(1);
constexpr auto kUiSettleFrame = std::chrono::milliseconds(16);
constexpr int kPosterMaxWidth = 640;
constexpr int kPosterMaxHeight = 480;

bool isVideoFile(const fs::path& path) {
  static const std::set<std::string> kExtensions = {".mp4", ".m4v", ".mov", ".mkv", ".webm",
                                                    ".avi", ".ts",  ".mts", ".mpg", ".mpeg"};
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(), ::tolower);
  return kExtensions.count(extension) > 0;
}

// Files as given; folders expand to the videos in them, sorted by name.
std::vector<std::string> expandPlayArguments(const std::vector<std::string>& arguments) {
  std::vector<std::string> items;
  for (const std::string& argument : arguments) {
    std::error_code ec;
    if (fs::is_directory(argument, ec)) {
      std::vector<std::string> inFolder;
      for (const auto& entry : fs::directory_iterator(argument, ec)) {
        if (entry.is_regular_file(ec) && isVideoFile(entry.path())) inFolder.push_back(entry.path().string());
      }
      std::sort(inFolder.begin(), inFolder.end());
      if (inFolder.empty()) log::warn("{}: no video files in this folder", argument);
      items.insert(items.end(), inFolder.begin(), inFolder.end());
    } else {
      items.push_back(argument);
    }
  }
  return items;
}

fs::path defaultPack() {
  const fs::path installed = platform::dataDirectory() / "pack";
  std::error_code ec;
  if (fs::is_regular_file(installed / kManifestName, ec)) return installed;
  return ETALASE_DEMO_PACK_DIR;
}

}  // namespace

Result<std::unique_ptr<App>> App::create(const KioskOptions& options) {
  auto display = platform::Display::open(options.display);
  if (!display) return display.error();
  return std::make_unique<App>(Key{}, options, std::move(display.value()));
}

App::App(Key, const KioskOptions& options, platform::Display display)
    : m_options(options),
      m_display(std::move(display)),
      m_video(m_display.renderer(), m_display.softwareRendering()),
      m_outgoing(m_display.renderer(), m_display.softwareRendering()),
      m_navigation(std::chrono::milliseconds(static_cast<long>(options.idleTimeoutSeconds * 1000))) {
  auto audio = platform::SdlAudioSink::open();
  if (audio) {
    m_audio = std::move(audio.value());
  } else {
    log::warn("{}; playing without sound", audio.error().text());
  }
  loadContent();
}

App::~App() {
  if (m_audio) m_audio->attach(nullptr);  // before the playlist it pulls from goes
}

void App::loadContent() {
  const auto now = Clock::now();
  std::vector<std::string> videos;
  if (!m_options.play.empty()) {
    videos = expandPlayArguments(m_options.play);
  } else {
    const fs::path pack = m_options.pack.empty() ? defaultPack() : m_options.pack;
    auto loaded = loadCatalog(pack);
    if (loaded) {
      m_catalog = std::move(loaded.value().catalog);
      for (const Error& warning : loaded.value().warnings) {
        log::warn("{}", warning.text());
        addNotice(warning.text(), now);
      }
      for (const fs::path& video : m_catalog->attract) videos.push_back(video.string());
      log::info("content pack {}: {} producers, {} products, {} videos", pack.string(),
                m_catalog->producers.size(), m_catalog->products.size(), videos.size());
      loadPosters();
    } else {
      m_contentProblem = loaded.error().text();
      log::error("{}", m_contentProblem);
      addNotice(m_contentProblem, now);
    }
  }
  m_language = m_options.language;
  if (m_language.empty()) m_language = m_catalog ? m_catalog->defaultLanguage : "en";

  // The UI needs the pack's texts first: it loads glyphs for exactly what it will show.
  std::vector<std::string> texts = allUiTexts(m_catalog ? m_catalog->languages : std::vector<std::string>{m_language});
  if (m_catalog) {
    auto packTexts = m_catalog->allTexts();
    texts.insert(texts.end(), packTexts.begin(), packTexts.end());
  }
  m_ui = std::make_unique<platform::UiContext>(m_display.window(), m_display.renderer(), texts);

  media::ClipOptions clipOptions;
  clipOptions.decodeAudio = m_audio != nullptr && !m_options.mute;
  clipOptions.hardware = m_options.hardwareDecode;
  m_playlist = std::make_unique<media::Playlist>(std::move(videos), clipOptions);
  m_playlist->setVolume(static_cast<float>(m_options.volume));
  m_playlist->setMuted(m_options.mute);
  if (m_audio) {
    m_playlist->setAudioLatency(m_audio->latencySeconds());
    m_audio->attach(m_playlist.get());
  }
}

void App::loadPosters() {
  m_posterTextures.clear();
  m_posters.clear();
  // A product's own photo first; else a poster frame of its video, cached on disk.
  const media::PosterCache posterCache(platform::dataDirectory() / "cache" / "posters");
  for (const Product& product : m_catalog->products) {
    platform::TexturePtr texture;
    std::optional<Result<av::FramePtr>> picture;
    if (!product.photos.empty()) {
      picture = media::loadStillImage(product.photos.front().string(), kPosterMaxWidth, kPosterMaxHeight);
    } else if (!product.videos.empty()) {
      picture = posterCache.poster(product.videos.front().string(), kPosterMaxWidth, kPosterMaxHeight);
    }
    if (picture && picture->ok()) {
      texture = platform::textureFromRgba(m_display.renderer(), picture->value().get());
    } else if (picture) {
      log::warn("{}", picture->error().text());
    }
    m_posters.push_back(texture.get());
    m_posterTextures.push_back(std::move(texture));
  }
}

void App::addNotice(const std::string& text, Clock::time_point now) {
  m_notices.push_back({text, now + kNoticeDuration});
  while (m_notices.size() > kMaxNotices) m_notices.pop_front();
  m_needsRender = true;
}

void App::collectPlaylistErrors(Clock::time_point now) {
  for (const Error& error : m_playlist->takeErrors()) {
    ++m_failedFiles;
    addNotice("Cannot play " + error.text(), now);
  }
}

void App::enterScreen(ScreenId screen, Clock::time_point now) {
  m_navigation.show(screen, now);
  m_playlist->setPaused(screen != ScreenId::Attract, now);
  if (screen == ScreenId::Attract) {
    // The next visitor starts afresh.
    m_grid = GridState{};
    m_language = m_options.language.empty() && m_catalog ? m_catalog->defaultLanguage : m_language;
  }
  log::info("screen: {}", screenName(screen));
  m_needsRender = true;
}

void App::handleEvent(const SDL_Event& event, Clock::time_point now) {
  switch (event.type) {
    case SDL_QUIT:
      m_quit = true;
      return;
    case SDL_WINDOWEVENT:
      m_needsRender = true;
      return;
    case SDL_KEYDOWN: {
      const bool ctrl = (event.key.keysym.mod & KMOD_CTRL) != 0;
      if (event.key.keysym.sym == SDLK_q && ctrl) {
        m_quit = true;
        return;
      }
      if (event.key.keysym.sym == SDLK_ESCAPE && !m_options.display.fullscreen) {
        m_quit = true;
        return;
      }
      m_navigation.noteInput(now);
      break;
    }
    default:
      break;
  }
  int width = 0, height = 0;
  SDL_GetWindowSize(m_display.window(), &width, &height);
  if (auto pointer = platform::toPointerEvent(event, width, height)) {
    m_navigation.noteInput(now);
    if (m_navigation.screen() == ScreenId::Attract) {
      // The whole screen is the button: the tap is used up here, not passed on.
      if (pointer->kind == platform::PointerEvent::Kind::Up && m_navigation.tap(now)) {
        enterScreen(ScreenId::Grid, now);
      }
      return;
    }
    m_ui->pointer(*pointer);
    m_needsRender = true;
    return;
  }
  m_ui->processEvent(event);
}

Clock::time_point App::nextWake(Clock::time_point now) const {
  Clock::time_point wake = now + kIdleWake;
  if (m_navigation.screen() == ScreenId::Attract && m_playlist) wake = std::min(wake, m_nextVideoDue);
  wake = std::min(wake, m_navigation.idleDeadline());
  if (m_ui->wantsAnotherFrame() || m_needsRender) wake = std::min(wake, now + kUiSettleFrame);
  if (!m_notices.empty()) wake = std::min(wake, m_notices.front().until);
  return wake;
}

void App::step(std::chrono::milliseconds maxWait) {
  auto now = Clock::now();
  const auto wait = std::clamp(
      std::chrono::ceil<std::chrono::milliseconds>(nextWake(now) - now), std::chrono::milliseconds(0), maxWait);
  SDL_Event event;
  if (SDL_WaitEventTimeout(&event, static_cast<int>(wait.count())) != 0) {
    now = Clock::now();
    handleEvent(event, now);
    while (SDL_PollEvent(&event) != 0) handleEvent(event, now);
  }
  now = Clock::now();
  if (m_navigation.update(now)) enterScreen(ScreenId::Attract, now);

  if (m_navigation.screen() == ScreenId::Attract) {
    const auto tick = m_playlist->tick(now);
    m_nextVideoDue = tick.nextDue;
    if (tick.newFrame) {
      if (tick.clipNumber != m_shownClipNumber) startDissolve(now);
      m_shownClipNumber = tick.clipNumber;
      const SDL_Point size = m_display.outputSize();
      if (m_video.update(tick.newFrame, tick.geometry, SDL_Rect{0, 0, size.x, size.y})) {
        m_videoFramePending = true;
        m_pendingClipNumber = tick.clipNumber;
      }
      m_needsRender = true;
    }
  }
  collectPlaylistErrors(now);
  while (!m_notices.empty() && m_notices.front().until <= now) {
    m_notices.pop_front();
    m_needsRender = true;
  }
  if (m_options.loops > 0 && m_playlist->loopsCompleted() >= m_options.loops) m_quit = true;
  if (m_playlist->state() == media::Playlist::State::AllFailed && m_options.loops > 0) m_quit = true;

  if (m_needsRender || m_ui->wantsAnotherFrame()) render();
}

void App::startDissolve(Clock::time_point now) {
  if (m_options.crossfadeSeconds <= 0.0 || !m_video.hasFrame()) return;
  // The clip that ends keeps its last frame in m_outgoing; the new one draws over it, fading in.
  std::swap(m_video, m_outgoing);
  m_dissolveEnd = now + std::chrono::duration_cast<Clock::duration>(
                            std::chrono::duration<double>(m_options.crossfadeSeconds));
}

float App::dissolveOpacity(Clock::time_point now) const {
  if (now >= m_dissolveEnd || !m_outgoing.hasFrame()) return 1.0f;
  const double left = std::chrono::duration<double>(m_dissolveEnd - now).count();
  return static_cast<float>(1.0 - left / m_options.crossfadeSeconds);
}

void App::drawNotices() {
  if (m_notices.empty()) return;
  ImDrawList* draw = ImGui::GetForegroundDrawList();
  ImFont* font = m_ui->fonts().small;
  const float pad = m_ui->unit() * 0.4f;
  const float wrap = static_cast<float>(m_display.outputSize().x) * 0.6f;
  float y = pad;
  for (const Notice& notice : m_notices) {
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap, notice.text.c_str());
    draw->AddRectFilled(ImVec2(pad, y), ImVec2(pad * 3 + size.x, y + size.y + pad * 2), IM_COL32(120, 20, 20, 220),
                        pad);
    draw->AddText(font, font->FontSize, ImVec2(pad * 2, y + pad), IM_COL32(255, 255, 255, 255),
                  notice.text.c_str(), nullptr, wrap);
    y += size.y + pad * 3;
  }
}

void App::render() {
  m_needsRender = false;
  SDL_Renderer* renderer = m_display.renderer();
  const bool videoOnScreen = m_navigation.screen() == ScreenId::Attract &&
                             m_playlist->state() == media::Playlist::State::Playing && m_video.hasFrame();
  const float opacity = dissolveOpacity(Clock::now());
  const SDL_Point output = m_display.outputSize();
  const bool covered = m_video.covers(output) && (opacity >= 1.0f || m_outgoing.covers(output));
  if (!videoOnScreen || !covered) {
    SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(renderer, 0, 0, 0, 255);
    SDL_RenderClear(renderer);
  }
  m_ui->newFrame();

  ScreenContext context;
  context.catalog = m_catalog ? &*m_catalog : nullptr;
  context.language = m_language;
  context.fonts = &m_ui->fonts();
  context.unit = m_ui->unit();
  context.screenSize = m_display.outputSize();
  context.productPosters = &m_posters;

  const std::string packTitle =
      m_catalog ? localized(m_catalog->title, m_language, m_catalog->defaultLanguage) : std::string("Etalase");
  if (m_navigation.screen() == ScreenId::Attract) {
    if (videoOnScreen) {
      if (opacity < 1.0f) {
        m_outgoing.draw();
        m_needsRender = true;  // keep dissolving even between video frames
      }
      m_video.draw(opacity);
      const SDL_Rect band = attractBand(context);
      SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_BLEND);
      SDL_SetRenderDrawColor(renderer, 0, 0, 0, 150);
      SDL_RenderFillRect(renderer, &band);
      drawAttractOverlay(context);
    } else if (!m_catalog && m_options.play.empty()) {
      drawTitleCard(context, uiText(UiString::NoPackTitle, m_language), uiText(UiString::NoPackHint, m_language));
    } else {
      drawTitleCard(context, packTitle, uiText(UiString::NoVideos, m_language));
      if (m_catalog) drawAttractOverlay(context);
    }
  } else if (m_catalog) {
    const GridAction action = drawGrid(context, m_grid);
    if (action.language) {
      m_language = *action.language;
      m_needsRender = true;
    }
    if (action.product) {
      log::info("product tapped: {}", m_catalog->products[*action.product].id);
    }
  } else {
    drawTitleCard(context, uiText(UiString::NoPackTitle, m_language), uiText(UiString::NoPackHint, m_language));
  }
  drawNotices();
  m_ui->render();
  SDL_RenderPresent(renderer);
  if (m_videoFramePending) {
    m_videoFramePending = false;
    if (++m_framesShown == 1) {
      const double seconds = log::secondsSinceStart();
      m_stats.setFirstFrameSeconds(seconds);
      log::info("first video frame {:.0f} ms after launch", seconds * 1000.0);
    }
    m_stats.framePresented(Clock::now(), m_pendingClipNumber);
  }
}

std::string App::statsJson() const {
  return m_stats.json(m_playlist->droppedFrames(), m_playlist->loopsCompleted(), m_failedFiles,
                      m_display.rendererName());
}

int App::run() {
  while (!m_quit) step(std::chrono::duration_cast<std::chrono::milliseconds>(kIdleWake));
  return m_failedFiles > 0 ? 1 : 0;
}

}  // namespace etalase::kiosk

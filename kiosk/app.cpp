// Kiosk application loop.
#include "app.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include <fmt/format.h>

#include "kiosk/locale/countries.h"
#include "kiosk/pack_validator.h"
#include "kiosk/product_poster.h"
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
#ifndef ETALASE_PACK_TOOL
#define ETALASE_PACK_TOOL "etalase-pack"
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
// Product photos are shown at most about half a 1080p screen wide.
constexpr int kPhotoMaxWidth = 1280;
constexpr int kPhotoMaxHeight = 960;

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

// The pack staff installed last (from USB), else the built-in demo pack.
fs::path defaultPack() {
  if (auto installed = PackStore(platform::dataDirectory()).currentPack()) return *installed;
  return ETALASE_DEMO_PACK_DIR;
}

// The kiosk checks a pack from a stick as etalase-pack validate does, decoding each file in a
// child process (etalase-pack check-media), so a hostile file cannot take the kiosk down.
std::vector<std::string> mediaChecker() {
  std::error_code ec;
  const fs::path beside = fs::read_symlink("/proc/self/exe", ec).parent_path() / "etalase-pack";
  if (!ec && fs::is_regular_file(beside, ec)) return {beside.string(), "check-media"};
  if (fs::is_regular_file(ETALASE_PACK_TOOL, ec)) return {ETALASE_PACK_TOOL, "check-media"};
  return {"etalase-pack", "check-media"};  // from PATH
}

ValidationOutcome validateForInstall(const fs::path& pack, const ValidationProgress& progress) {
  ValidateOptions options;
  options.mediaChecker = mediaChecker();
  bool stop = false;
  options.progress = [&](const MediaCheckProgress& step) {
    stop = !progress(static_cast<double>(step.index - 1) / std::max(1, step.count), step.file);
  };
  options.cancelled = [&] { return stop || !progress(-1.0, {}); };
  const PackReport report = validatePack(pack, options);
  ValidationOutcome outcome;
  outcome.passed = report.passed();
  for (const PackProblem& problem : report.problems) {
    if (!problem.fatal && !outcome.passed) continue;  // errors first: they are why it failed
    outcome.problems.push_back(fmt::format("{}{}{}: {}", problem.file, problem.field.empty() ? "" : ": ",
                                           problem.field, problem.what));
  }
  return outcome;
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
      m_upcoming(m_display.renderer(), m_display.softwareRendering()),
      m_navigation(std::chrono::milliseconds(static_cast<long>(options.idleTimeoutSeconds * 1000))),
      m_productVideo(m_display.renderer(), m_display.softwareRendering()) {
  if (auto problem = PackStore(platform::dataDirectory()).recover()) log::warn("{}", problem->text());
  InstallerOptions installerOptions;
  installerOptions.validate = validateForInstall;
  m_installer = std::make_unique<PackInstaller>(platform::dataDirectory(), std::move(installerOptions));
  m_usbFlow = std::make_unique<UsbInstallFlow>(options.staffPin, *m_installer);
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
    m_packShown = pack;
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
    auto countries = allCountryNames(m_catalog->languages);
    texts.insert(texts.end(), countries.begin(), countries.end());
  }
  m_ui = std::make_unique<platform::UiContext>(m_display.window(), m_display.renderer(), texts);

  m_playlist = startPlaylist(std::move(videos));
}

std::unique_ptr<media::Playlist> App::startPlaylist(std::vector<std::string> videos) {
  media::ClipOptions clipOptions;
  clipOptions.decodeAudio = m_audio != nullptr && !m_options.mute;
  clipOptions.hardware = m_options.hardwareDecode;
  auto playlist = std::make_unique<media::Playlist>(std::move(videos), clipOptions);
  playlist->setVolume(static_cast<float>(m_options.volume));
  playlist->setMuted(m_options.mute);
  if (m_audio) {
    playlist->setAudioLatency(m_audio->latencySeconds());
    m_audio->attach(playlist.get());
  }
  return playlist;
}

platform::TexturePtr App::textureFrom(const Result<av::FramePtr>& picture) const {
  if (!picture) {
    log::warn("{}", picture.error().text());
    return nullptr;
  }
  return platform::textureFromRgba(m_display.renderer(), picture.value().get());
}

void App::loadPosters() {
  m_posterTextures.clear();
  m_posters.clear();
  const media::PosterCache posterCache(posterCacheDirectory());
  for (const Product& product : m_catalog->products) {
    const auto picture = productPoster(product, posterCache);
    platform::TexturePtr texture = picture ? textureFrom(*picture) : nullptr;
    m_posters.push_back(texture.get());
    m_posterTextures.push_back(std::move(texture));
  }
}

void App::reloadContent(const fs::path& pack) {
  log::info("switching to the content pack in {}", pack.string());
  // Everything that points into the old pack or the old font atlas goes, in dependency order.
  closeProductMedia();
  if (m_audio) m_audio->attach(nullptr);  // before the playlist it pulls from goes
  m_playlist.reset();
  m_video.clear();
  m_outgoing.clear();
  m_upcoming.clear();
  m_prepared = {};
  m_posters.clear();
  m_posterTextures.clear();
  m_logoTexture.reset();
  m_ui.reset();
  m_catalog.reset();
  m_contentProblem.clear();
  m_grid = GridState{};
  m_productState = ProductState{};
  m_options.pack = pack;
  m_options.play.clear();
  loadContent();
  m_navigation.show(ScreenId::Attract, Clock::now());
  m_needsRender = true;
}

void App::pollUsb(Clock::time_point now) {
  if (now >= m_nextVolumePoll) {
    m_nextVolumePoll = now + kIdleWake;
    const auto changes = m_volumes.poll();
    if (!changes.empty()) {
      m_usbFlow->volumesChanged(changes);
      m_navigation.noteInput(now);  // staff are at the kiosk
      m_needsRender = true;
    }
  }
  if (auto installed = m_usbFlow->update()) reloadContent(*installed);
  if (m_usbFlow->stage() != UsbInstallFlow::Stage::None) m_needsRender = true;
}

void App::applyInstallAction(const InstallPromptAction& action, Clock::time_point now) {
  if (action.digit) m_usbFlow->typeDigit(*action.digit, now);
  if (action.erase) m_usbFlow->eraseDigit();
  if (action.submit) m_usbFlow->submitPin(now);
  if (action.cancel) m_usbFlow->cancel();
  if (action.rollback) {
    if (auto problem = m_usbFlow->rollback()) {
      addNotice(problem->text(), now);
    } else if (auto previous = PackStore(platform::dataDirectory()).currentPack()) {
      m_usbFlow->dismiss();
      m_reloadPending = *previous;  // after this frame: the frame still uses the old pack's fonts
      return;
    }
  }
  if (action.dismiss) m_usbFlow->dismiss();
}

void App::addNotice(const std::string& text, Clock::time_point now) {
  m_notices.push_back({text, now + kNoticeDuration});
  while (m_notices.size() > kMaxNotices) m_notices.pop_front();
  m_needsRender = true;
}

void App::collectPlaylistErrors(Clock::time_point now) {
  for (media::Playlist* playlist : {m_playlist.get(), m_productPlaylist.get()}) {
    if (!playlist) continue;
    for (const Error& error : playlist->takeErrors()) {
      ++m_failedFiles;
      addNotice("Cannot play " + error.text(), now);
    }
  }
}

void App::enterScreen(ScreenId screen, Clock::time_point now) {
  if (screen != ScreenId::Product) closeProductMedia();
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

void App::prepareContact(const Producer& producer) {
  m_contactQr.reset();
  const auto link = contactLink(producer.contact, "");
  m_productMedia.contact = m_producerMedia.contact = link;
  if (link) {
    auto qr = encodeQr(link->url);
    if (qr) {
      m_contactQr = std::move(qr.value());
    } else {
      log::warn("{}: no QR code for {}: {}", producer.id, link->url, qr.error().text());
    }
  }
  m_productMedia.contactQr = m_producerMedia.contactQr = m_contactQr ? &*m_contactQr : nullptr;
}

void App::openProduct(std::size_t index, Clock::time_point now) {
  closeProductMedia();
  const Product& product = m_catalog->products[index];
  if (m_productState.product != index) m_productState = ProductState{index, 0};
  m_productMedia = ProductMedia{};
  m_productMedia.poster = index < m_posters.size() ? m_posters[index] : nullptr;
  m_productMedia.hasVideo = !product.videos.empty();
  for (const fs::path& photo : product.photos) {
    platform::TexturePtr texture = textureFrom(media::loadStillImage(photo.string(), kPhotoMaxWidth, kPhotoMaxHeight));
    m_productMedia.photos.push_back(texture.get());
    m_productPhotoTextures.push_back(std::move(texture));
  }
  if (const Producer* producer = m_catalog->producer(product.producerId)) prepareContact(*producer);
  if (m_productMedia.hasVideo) {
    std::vector<std::string> videos;
    for (const fs::path& video : product.videos) videos.push_back(video.string());
    m_productPlaylist = startPlaylist(std::move(videos));
  }
  log::info("product page: {}", product.id);
  enterScreen(ScreenId::Product, now);
}

void App::closeProductMedia() {
  if (m_productPlaylist) {
    if (m_audio) m_audio->attach(m_playlist.get());  // before the playlist it pulls from goes
    collectPlaylistErrors(Clock::now());
    m_productPlaylist.reset();
  }
  m_productVideo.clear();
  m_productVideoArea = SDL_Rect{0, 0, 0, 0};
  m_productMedia.photos.clear();
  m_productPhotoTextures.clear();
}

void App::openProducer(const std::string& producerId, Clock::time_point now) {
  const Producer* producer = m_catalog->producer(producerId);
  if (!producer) return;
  m_producerBackTo = m_navigation.screen();
  m_producerId = producerId;
  m_logoTexture.reset();
  if (!producer->logo.empty()) {
    m_logoTexture = textureFrom(media::loadStillImage(producer->logo.string(), kPosterMaxWidth, kPosterMaxHeight));
  }
  m_producerMedia.logo = m_logoTexture.get();
  prepareContact(*producer);
  log::info("producer page: {}", producerId);
  enterScreen(ScreenId::Producer, now);
}

void App::handleHeader(const HeaderAction& action, Clock::time_point now) {
  if (action.language) {
    m_language = *action.language;
    m_needsRender = true;
  }
  if (!action.back) return;
  if (m_navigation.screen() == ScreenId::Producer && m_producerBackTo == ScreenId::Product) {
    afterFrame([this, now] { openProduct(m_productState.product, now); });
  } else {
    afterFrame([this, now] { enterScreen(ScreenId::Grid, now); });
  }
}

void App::afterFrame(std::function<void()> action) { m_afterFrame = std::move(action); }

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
      if (m_usbFlow->stage() == UsbInstallFlow::Stage::AskPin) {
        const SDL_Keycode key = event.key.keysym.sym;
        if (key >= SDLK_0 && key <= SDLK_9) m_usbFlow->typeDigit(static_cast<char>('0' + (key - SDLK_0)), now);
        if (key >= SDLK_KP_1 && key <= SDLK_KP_9) m_usbFlow->typeDigit(static_cast<char>('1' + (key - SDLK_KP_1)), now);
        if (key == SDLK_KP_0) m_usbFlow->typeDigit('0', now);
        if (key == SDLK_BACKSPACE) m_usbFlow->eraseDigit();
        if (key == SDLK_RETURN || key == SDLK_KP_ENTER) m_usbFlow->submitPin(now);
        if (key == SDLK_ESCAPE) m_usbFlow->cancel();
        m_navigation.noteInput(now);
        m_needsRender = true;
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
    if (m_navigation.screen() == ScreenId::Attract && m_usbFlow->stage() == UsbInstallFlow::Stage::None) {
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
  if (m_navigation.screen() == ScreenId::Product && m_productPlaylist) wake = std::min(wake, m_productVideoDue);
  wake = std::min(wake, m_navigation.idleDeadline());
  if (m_ui->wantsAnotherFrame() || m_needsRender) wake = std::min(wake, now + kUiSettleFrame);
  if (!m_notices.empty()) wake = std::min(wake, m_notices.front().until);
  if (m_usbFlow->stage() == UsbInstallFlow::Stage::Installing) wake = std::min(wake, now + std::chrono::milliseconds(100));
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
      if (showAttractFrame(tick)) {
        m_videoFramePending = true;
        m_pendingClipNumber = tick.clipNumber;
      }
      m_needsRender = true;
    }
  }
  pollUsb(now);
  if (m_navigation.screen() == ScreenId::Product && m_productPlaylist) {
    const auto tick = m_productPlaylist->tick(now);
    m_productVideoDue = tick.nextDue;
    if (tick.newFrame && m_productVideoArea.w > 0 && m_productVideoArea.h > 0 &&
        m_productVideo.update(tick.newFrame, tick.geometry, m_productVideoArea)) {
      ++m_productFramesShown;
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
  if (m_navigation.screen() == ScreenId::Attract) prepareUpcomingFrame();
  if (m_reloadPending) reloadContent(*std::exchange(m_reloadPending, std::nullopt));
}

bool App::showAttractFrame(const media::Playlist::Tick& tick) {
  const SDL_Point size = m_display.outputSize();
  const bool prepared = m_prepared.matches(tick.newFrame, tick.clipNumber, size);
  m_prepared = {};
  if (prepared) {
    std::swap(m_video, m_upcoming);
    return true;
  }
  return m_video.update(tick.newFrame, tick.geometry, SDL_Rect{0, 0, size.x, size.y});
}

void App::prepareUpcomingFrame() {
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
  const float width = static_cast<float>(m_display.outputSize().x);
  // On a product page the video is drawn over the UI at the left: notices go right, above the facts.
  const bool right = m_navigation.screen() == ScreenId::Product;
  const float wrap = width * (right ? 0.4f : 0.6f);
  float y = pad;
  for (const Notice& notice : m_notices) {
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap, notice.text.c_str());
    const float x = right ? width - size.x - pad * 3 : pad;
    draw->AddRectFilled(ImVec2(x, y), ImVec2(x + pad * 2 + size.x, y + size.y + pad * 2), IM_COL32(120, 20, 20, 220),
                        pad);
    draw->AddText(font, font->FontSize, ImVec2(x + pad, y + pad), IM_COL32(255, 255, 255, 255),
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
  context.touchTarget = touchTargetPixels(context.screenSize, m_options.screenInches);
  const auto now = Clock::now();
  bool productVideoDue = false;

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
  } else if (m_catalog && m_navigation.screen() == ScreenId::Product) {
    m_productMedia.videoShowing = m_productVideo.hasFrame() && m_productVideoArea.w > 0;
    const ProductAction action = drawProduct(context, m_productState, m_productMedia);
    const bool areaMoved = action.videoArea.x != m_productVideoArea.x || action.videoArea.y != m_productVideoArea.y ||
                           action.videoArea.w != m_productVideoArea.w || action.videoArea.h != m_productVideoArea.h;
    m_productVideoArea = action.videoArea;
    if (areaMoved) m_productVideo.clear();  // placed for the old area; the next frame comes soon
    productVideoDue = m_productVideoArea.w > 0 && m_productVideo.hasFrame() &&
                      m_usbFlow->stage() == UsbInstallFlow::Stage::None;
    handleHeader(action.header, now);
    if (action.openProducer) {
      afterFrame([this, now] { openProducer(m_catalog->products[m_productState.product].producerId, now); });
    }
    // Nothing plays (or is heard) behind a photo.
    m_productPlaylistPaused = m_productVideoArea.w == 0 || m_usbFlow->stage() != UsbInstallFlow::Stage::None;
    if (m_productPlaylist && m_productPlaylist->paused() != m_productPlaylistPaused) {
      m_productPlaylist->setPaused(m_productPlaylistPaused, now);
    }
  } else if (m_catalog && m_navigation.screen() == ScreenId::Producer && m_catalog->producer(m_producerId)) {
    const ProducerAction action = drawProducer(context, *m_catalog->producer(m_producerId), m_producerMedia);
    handleHeader(action.header, now);
    if (action.product) afterFrame([this, now, index = *action.product] { openProduct(index, now); });
  } else if (m_catalog) {
    const GridAction action = drawGrid(context, m_grid);
    if (action.language) {
      m_language = *action.language;
      m_needsRender = true;
    }
    if (action.product) afterFrame([this, now, index = *action.product] { openProduct(index, now); });
  } else {
    drawTitleCard(context, uiText(UiString::NoPackTitle, m_language), uiText(UiString::NoPackHint, m_language));
  }
  if (m_usbFlow->stage() != UsbInstallFlow::Stage::None) {
    const InstallPromptAction action = drawInstallPrompt(context, *m_usbFlow);
    applyInstallAction(action, now);
  }
  drawNotices();
  m_ui->render();
  // Over the page, in the place the product page left for it.
  if (productVideoDue) m_productVideo.draw();
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
  // Screen changes wait until the frame that drew the old screen (and used its textures) is out.
  if (m_afterFrame) std::exchange(m_afterFrame, {})();
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
